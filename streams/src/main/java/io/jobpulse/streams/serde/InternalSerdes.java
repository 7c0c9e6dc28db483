package io.jobpulse.streams.serde;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.streams.BlockCommand;
import io.jobpulse.streams.PostingState;
import io.jobpulse.streams.aggregate.CellDelta;
import io.jobpulse.streams.aggregate.CellState;
import io.jobpulse.streams.aggregate.Contribution;
import io.jobpulse.streams.dedupe.BlockState;
import io.jobpulse.streams.dedupe.MinHashSignature;
import org.apache.kafka.common.serialization.Serde;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.jobpulse.streams.serde.BinaryCodec.readBytes;
import static io.jobpulse.streams.serde.BinaryCodec.readNullableDouble;
import static io.jobpulse.streams.serde.BinaryCodec.readStrings;
import static io.jobpulse.streams.serde.BinaryCodec.writeBytes;
import static io.jobpulse.streams.serde.BinaryCodec.writeNullableDouble;
import static io.jobpulse.streams.serde.BinaryCodec.writeStrings;

/** Serdes of the topology's internal values: its state stores and its repartition topic. */
public final class InternalSerdes {

    private static final AvroBinarySerde<EnrichedPosting> ENRICHED = new AvroBinarySerde<>(EnrichedPosting.class);

    private InternalSerdes() {
    }

    public static Serde<PostingState> postingState() {
        return BinaryCodec.serde("PostingState", 1,
                (out, s) -> {
                    out.writeUTF(s.blockingKey());
                    writeBytes(out, ENRICHED.toBytes(s.last()));
                },
                in -> new PostingState(in.readUTF(), ENRICHED.fromBytes(readBytes(in))));
    }

    public static Serde<BlockCommand> blockCommand() {
        return BinaryCodec.serde("BlockCommand", 1,
                (out, c) -> {
                    switch (c) {
                        case BlockCommand.Upsert u -> {
                            out.writeByte('U');
                            writeBytes(out, ENRICHED.toBytes(u.posting()));
                        }
                        case BlockCommand.Leave l -> {
                            out.writeByte('L');
                            out.writeUTF(l.postingId());
                        }
                    }
                },
                in -> switch (in.readByte()) {
                    case 'U' -> new BlockCommand.Upsert(ENRICHED.fromBytes(readBytes(in)));
                    case 'L' -> new BlockCommand.Leave(in.readUTF());
                    default -> throw new IOException("unknown block command");
                });
    }

    public static Serde<BlockState> blockState() {
        return BinaryCodec.serde("BlockState", 1, InternalSerdes::writeBlock, InternalSerdes::readBlock);
    }

    public static Serde<CellDelta> cellDelta() {
        return BinaryCodec.serde("CellDelta", 1,
                (out, d) -> {
                    out.writeLong(d.countDelta());
                    writeDoubles(out, d.removed());
                    writeDoubles(out, d.added());
                    out.writeUTF(d.taxonomyVersion() == null ? "" : d.taxonomyVersion());
                },
                in -> new CellDelta(in.readLong(), readDoubles(in), readDoubles(in), in.readUTF()));
    }

    public static Serde<CellState> cellState() {
        return BinaryCodec.serde("CellState", 1,
                (out, s) -> {
                    out.writeLong(s.count());
                    out.writeUTF(s.taxonomyVersion());
                    out.writeInt(s.salaries().size());
                    for (Map.Entry<Double, Integer> e : s.salaries().entrySet()) {
                        out.writeDouble(e.getKey());
                        out.writeInt(e.getValue());
                    }
                },
                in -> {
                    long count = in.readLong();
                    String version = in.readUTF();
                    int n = in.readInt();
                    TreeMap<Double, Integer> salaries = new TreeMap<>();
                    for (int i = 0; i < n; i++) {
                        salaries.put(in.readDouble(), in.readInt());
                    }
                    return new CellState(count, salaries, version);
                });
    }

    private static void writeDoubles(DataOutputStream out, List<Double> values) throws IOException {
        out.writeInt(values.size());
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static List<Double> readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readDouble());
        }
        return values;
    }

    private static void writeBlock(DataOutputStream out, BlockState block) throws IOException {
        out.writeInt(block.groups().size());
        for (BlockState.Group g : block.groups()) {
            out.writeUTF(g.canonicalId());
            out.writeInt(g.members().size());
            for (BlockState.Member m : g.members()) {
                out.writeUTF(m.id());
                out.writeInt(m.signature().shingles());
                for (int v : m.signature().minima()) {
                    out.writeInt(v);
                }
                out.writeInt(m.day());
                out.writeBoolean(m.active());
                writeContribution(out, m.contribution());
            }
        }
    }

    private static BlockState readBlock(DataInputStream in) throws IOException {
        int groups = in.readInt();
        List<BlockState.Group> list = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            String canonical = in.readUTF();
            int members = in.readInt();
            List<BlockState.Member> ms = new ArrayList<>(members);
            for (int m = 0; m < members; m++) {
                String id = in.readUTF();
                int shingles = in.readInt();
                int[] minima = new int[MinHashSignature.SLOTS];
                for (int i = 0; i < minima.length; i++) {
                    minima[i] = in.readInt();
                }
                ms.add(new BlockState.Member(id, new MinHashSignature(minima, shingles), in.readInt(), in.readBoolean(),
                        readContribution(in)));
            }
            list.add(new BlockState.Group(canonical, ms));
        }
        return new BlockState(list);
    }

    private static void writeContribution(DataOutputStream out, Contribution c) throws IOException {
        out.writeInt(c.day());
        out.writeUTF(c.taxonomyVersion());
        writeStrings(out, c.roles());
        writeStrings(out, c.technologies());
        writeStrings(out, c.seniority());
        writeStrings(out, c.places());
        writeStrings(out, c.workModes());
        writeNullableDouble(out, c.salaryUsd());
    }

    private static Contribution readContribution(DataInputStream in) throws IOException {
        return new Contribution(in.readInt(), in.readUTF(), readStrings(in), readStrings(in), readStrings(in),
                readStrings(in), readStrings(in), readNullableDouble(in));
    }
}
