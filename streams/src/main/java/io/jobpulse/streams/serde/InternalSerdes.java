package io.jobpulse.streams.serde;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.streams.BlockCommand;
import io.jobpulse.streams.PostingState;
import io.jobpulse.streams.aggregate.Contribution;
import io.jobpulse.streams.aggregate.ContributionChange;
import io.jobpulse.streams.aggregate.GroupContribution;
import io.jobpulse.streams.dedupe.BlockState;
import io.jobpulse.streams.dedupe.MinHashSignature;
import org.apache.kafka.common.serialization.Serde;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.jobpulse.streams.serde.BinaryCodec.readBytes;
import static io.jobpulse.streams.serde.BinaryCodec.readNullableDouble;
import static io.jobpulse.streams.serde.BinaryCodec.readStrings;
import static io.jobpulse.streams.serde.BinaryCodec.writeBytes;
import static io.jobpulse.streams.serde.BinaryCodec.writeNullableDouble;
import static io.jobpulse.streams.serde.BinaryCodec.writeStrings;

/** Serdes of the topology's internal values: its state stores and its repartition topics. */
public final class InternalSerdes {

    private static final AvroBinarySerde<EnrichedPosting> ENRICHED = new AvroBinarySerde<>(EnrichedPosting.class);

    /** Format byte per contribution slot, so the common case (emitted equals current) is stored once. */
    private static final int NONE = 0;
    private static final int PRESENT = 1;
    private static final int SAME_AS_CURRENT = 2;

    private InternalSerdes() {
    }

    /** An enriched posting in the internal form both the lifecycle store and the dedupe repartition topic carry. */
    public static byte[] encodeEnriched(EnrichedPosting posting) {
        return ENRICHED.toBytes(posting);
    }

    public static Serde<PostingState> postingState() {
        return BinaryCodec.serde("PostingState", 1,
                (out, s) -> {
                    out.writeUTF(s.blockingKey());
                    writeBytes(out, s.encodedLast() != null ? s.encodedLast() : ENRICHED.toBytes(s.last()));
                },
                in -> new PostingState(in.readUTF(), ENRICHED.fromBytes(readBytes(in))));
    }

    public static Serde<BlockCommand> blockCommand() {
        return BinaryCodec.serde("BlockCommand", 1,
                (out, c) -> {
                    switch (c) {
                        case BlockCommand.Upsert u -> {
                            out.writeByte('U');
                            writeBytes(out, u.encoded() != null ? u.encoded() : ENRICHED.toBytes(u.posting()));
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

    public static Serde<ContributionChange> contributionChange() {
        return BinaryCodec.serde("ContributionChange", 1,
                (out, c) -> {
                    out.writeInt(c.day());
                    out.writeUTF(c.group());
                    out.writeBoolean(c.contribution() != null);
                    if (c.contribution() != null) {
                        writeContribution(out, c.contribution());
                    }
                },
                in -> new ContributionChange(in.readInt(), in.readUTF(), in.readBoolean() ? readContribution(in) : null));
    }

    public static Serde<GroupContribution> groupContribution() {
        return BinaryCodec.serde("GroupContribution", 1,
                (out, g) -> {
                    out.writeByte(g.current() == null ? NONE : PRESENT);
                    if (g.current() != null) {
                        writeContribution(out, g.current());
                    }
                    if (g.emitted() == null) {
                        out.writeByte(NONE);
                    } else if (g.emittedCurrent()) {
                        out.writeByte(SAME_AS_CURRENT);
                    } else {
                        out.writeByte(PRESENT);
                        writeContribution(out, g.emitted());
                    }
                },
                in -> {
                    Contribution current = in.readByte() == PRESENT ? readContribution(in) : null;
                    Contribution emitted = switch (in.readByte()) {
                        case NONE -> null;
                        case PRESENT -> readContribution(in);
                        case SAME_AS_CURRENT -> current;
                        default -> throw new IOException("unknown emitted slot");
                    };
                    return new GroupContribution(current, emitted);
                });
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
