package io.jobpulse.embedded.clickhouse;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * ClickHouse's compressed-block framing, which the HTTP interface speaks when a request says {@code compress=1}
 * (response) or {@code decompress=1} (request body). Each block is:
 * <pre>
 *   16 bytes  CityHash128 v1.0.2 of everything after it (low 64 bits first, each little-endian)
 *    1 byte   method: 0x82 LZ4, 0x02 none
 *    4 bytes  compressed size, including this 9-byte header (little-endian)
 *    4 bytes  uncompressed size (little-endian)
 *    n bytes  the payload
 * </pre>
 */
public final class CompressedBlocks {

    static final int CHECKSUM_SIZE = 16;
    static final int HEADER_SIZE = 9;
    static final byte METHOD_NONE = 0x02;
    static final byte METHOD_LZ4 = (byte) 0x82;
    /** ClickHouse's {@code max_compress_block_size} default: blocks are cut at 1 MiB of uncompressed data. */
    static final int BLOCK_SIZE = 1 << 20;
    /** ClickHouse refuses blocks above 1 GiB ({@code DBMS_MAX_COMPRESSED_SIZE}); so do we, before allocating. */
    static final int MAX_BLOCK_SIZE = 1 << 30;

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private CompressedBlocks() {
    }

    /** A request body or frame that is not valid ClickHouse compressed data. */
    public static final class MalformedBlockException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int clickHouseCode;

        MalformedBlockException(int clickHouseCode, String message) {
            super(message);
            this.clickHouseCode = clickHouseCode;
        }

        /** The code ClickHouse uses for the same fault (40 checksum, 271 corrupted data, 89 unknown method). */
        public int clickHouseCode() {
            return clickHouseCode;
        }
    }

    /** Frames everything written into LZ4 blocks of at most {@link #BLOCK_SIZE} bytes of input each. */
    public static OutputStream compressing(OutputStream out) {
        return new CompressingStream(out);
    }

    /** Reads the plain bytes back out of a framed stream, verifying every block's checksum. */
    public static InputStream decompressing(InputStream in) {
        return new DecompressingStream(in);
    }

    /** One complete LZ4 block holding {@code data[offset, offset + length)}. */
    public static byte[] frame(byte[] data, int offset, int length) {
        LZ4Compressor compressor = LZ4.fastCompressor();
        byte[] block = new byte[CHECKSUM_SIZE + HEADER_SIZE + compressor.maxCompressedLength(length)];
        int compressed = compressor.compress(data, offset, length, block, CHECKSUM_SIZE + HEADER_SIZE);
        block[CHECKSUM_SIZE] = METHOD_LZ4;
        putIntLE(block, CHECKSUM_SIZE + 1, compressed + HEADER_SIZE);
        putIntLE(block, CHECKSUM_SIZE + 5, length);
        long[] checksum = CityHash128.hash(block, CHECKSUM_SIZE, compressed + HEADER_SIZE);
        putLongLE(block, 0, checksum[0]);
        putLongLE(block, 8, checksum[1]);
        return Arrays.copyOf(block, CHECKSUM_SIZE + HEADER_SIZE + compressed);
    }

    private static final class CompressingStream extends FilterOutputStream {
        private final byte[] pending = new byte[BLOCK_SIZE];
        private int used;
        private boolean closed;

        CompressingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (used == pending.length) {
                flushBlock();
            }
            pending[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == pending.length) {
                    flushBlock();
                }
                int n = Math.min(len, pending.length - used);
                System.arraycopy(b, off, pending, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void flushBlock() throws IOException {
            if (used > 0) {
                out.write(frame(pending, 0, used));
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            flushBlock();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                flushBlock();
                out.close();
            }
        }
    }

    private static final class DecompressingStream extends InputStream {
        private final InputStream in;
        private final LZ4FastDecompressor decompressor = LZ4.fastDecompressor();
        private final byte[] header = new byte[CHECKSUM_SIZE + HEADER_SIZE];
        private byte[] block = new byte[0];
        private int position;
        private int limit;
        private boolean eof;

        DecompressingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == limit) {
                if (eof || !nextBlock()) {
                    eof = true;
                    return -1;
                }
            }
            int n = Math.min(len, limit - position);
            System.arraycopy(block, position, b, off, n);
            position += n;
            return n;
        }

        private boolean nextBlock() throws IOException {
            int first = in.readNBytes(header, 0, header.length);
            if (first == 0) {
                return false;
            }
            if (first < header.length) {
                throw new MalformedBlockException(271, "Cannot read a compressed block: the body ends inside a block header ("
                        + first + " of " + header.length + " bytes)");
            }
            byte method = header[CHECKSUM_SIZE];
            long compressedSize = getIntLE(header, CHECKSUM_SIZE + 1) & 0xffffffffL;
            long plainSize = getIntLE(header, CHECKSUM_SIZE + 5) & 0xffffffffL;
            if (method != METHOD_LZ4 && method != METHOD_NONE) {
                throw new MalformedBlockException(89, String.format(
                        "Unknown compression method 0x%02x in a compressed block (supported: 0x82 LZ4, 0x02 none)", method & 0xff));
            }
            if (compressedSize < HEADER_SIZE || compressedSize > MAX_BLOCK_SIZE || plainSize > MAX_BLOCK_SIZE
                    || (method == METHOD_NONE && compressedSize - HEADER_SIZE != plainSize)) {
                throw new MalformedBlockException(271, "Corrupted compressed block: compressed size " + compressedSize
                        + ", uncompressed size " + plainSize);
            }
            int payloadSize = (int) compressedSize - HEADER_SIZE;
            byte[] framed = new byte[(int) compressedSize];
            System.arraycopy(header, CHECKSUM_SIZE, framed, 0, HEADER_SIZE);
            if (in.readNBytes(framed, HEADER_SIZE, payloadSize) < payloadSize) {
                throw new MalformedBlockException(271, "Cannot read a compressed block: the body ends inside a compressed block of " + compressedSize + " bytes");
            }
            long[] checksum = CityHash128.hash(framed, 0, framed.length);
            if (checksum[0] != getLongLE(header, 0) || checksum[1] != getLongLE(header, 8)) {
                throw new MalformedBlockException(40, "Checksum doesn't match: corrupted data. Reference: "
                        + hex(getLongLE(header, 8), getLongLE(header, 0)) + ". Actual: " + hex(checksum[1], checksum[0])
                        + ". Size of compressed block: " + compressedSize);
            }
            if (block.length < plainSize) {
                block = new byte[(int) plainSize];
            }
            if (method == METHOD_NONE) {
                System.arraycopy(framed, HEADER_SIZE, block, 0, payloadSize);
            } else {
                try {
                    int consumed = decompressor.decompress(framed, HEADER_SIZE, block, 0, (int) plainSize);
                    if (consumed != payloadSize) {
                        throw new MalformedBlockException(271, "Corrupted LZ4 block: " + consumed + " of " + payloadSize
                                + " compressed bytes used");
                    }
                } catch (LZ4Exception e) {
                    throw new MalformedBlockException(271, "Cannot decompress an LZ4 block: " + e.getMessage());
                }
            }
            position = 0;
            limit = (int) plainSize;
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static String hex(long high, long low) {
        return String.format("%016x%016x", high, low);
    }

    static void putIntLE(byte[] b, int pos, int value) {
        b[pos] = (byte) value;
        b[pos + 1] = (byte) (value >>> 8);
        b[pos + 2] = (byte) (value >>> 16);
        b[pos + 3] = (byte) (value >>> 24);
    }

    static void putLongLE(byte[] b, int pos, long value) {
        for (int i = 0; i < 8; i++) {
            b[pos + i] = (byte) (value >>> (8 * i));
        }
    }

    static int getIntLE(byte[] b, int pos) {
        return (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | (b[pos + 3] & 0xff) << 24;
    }

    static long getLongLE(byte[] b, int pos) {
        return (getIntLE(b, pos) & 0xffffffffL) | ((long) getIntLE(b, pos + 4)) << 32;
    }
}
