package io.jobpulse.streams.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact hand-written binary format for the topology's internal values (state stores and repartition topics).
 * They never leave the application, so they need no registry; a leading format byte lets a later release read
 * what an older one wrote (state survives upgrades through the changelog).
 */
public final class BinaryCodec {

    private BinaryCodec() {
    }

    @FunctionalInterface
    public interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static final ThreadOutputBuffers BUFFERS = new ThreadOutputBuffers();

    public static <T> Serde<T> serde(String what, int format, Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom(
                (topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    try {
                        return BUFFERS.write(out -> {
                            out.data.writeByte(format);
                            writer.write(out.data, value);
                            out.data.flush();
                        });
                    } catch (IOException e) {
                        throw new SerializationException("Cannot write " + what, e);
                    }
                },
                (topic, data) -> {
                    if (data == null) {
                        return null;
                    }
                    try {
                        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
                        int found = in.readByte();
                        if (found != format) {
                            throw new SerializationException(what + ": unknown format " + found + ", expected " + format);
                        }
                        return reader.read(in);
                    } catch (IOException e) {
                        throw new SerializationException("Cannot read " + what, e);
                    }
                });
    }

    public static void writeNullableString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    public static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    public static void writeNullableDouble(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeDouble(d);
        }
    }

    public static Double readNullableDouble(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    public static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    public static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    public static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
