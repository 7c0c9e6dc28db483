package io.jobpulse.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.internal.ClickHouseLZ4InputStream;
import com.clickhouse.client.api.internal.ClickHouseLZ4OutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

/** ClickHouse's compressed-block framing, checked against the JDBC driver's reader and writer. */
class CompressedBlocksTest {

    private static byte[] compressible(int size) {
        byte[] data = new byte[size];
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            data[i] = (byte) ('a' + random.nextInt(6));
        }
        return data;
    }

    private static byte[] compress(byte[] plain) throws IOException {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        try (OutputStream out = CompressedBlocks.compressing(framed)) {
            out.write(plain);
        }
        return framed.toByteArray();
    }

    private static byte[] decompress(byte[] framed) throws IOException {
        try (InputStream in = CompressedBlocks.decompressing(new ByteArrayInputStream(framed))) {
            return in.readAllBytes();
        }
    }

    @Test
    void oneBlockHasClickHousesHeaderLayout() {
        byte[] plain = "hello, compressed world".getBytes(StandardCharsets.UTF_8);
        byte[] block = CompressedBlocks.frame(plain, 0, plain.length);
        assertThat(block[16]).isEqualTo((byte) 0x82);
        int compressedSize = CompressedBlocks.getIntLE(block, 17);
        assertThat(compressedSize).isEqualTo(block.length - 16);
        assertThat(CompressedBlocks.getIntLE(block, 21)).isEqualTo(plain.length);
        long[] checksum = CityHash128.hash(block, 16, compressedSize);
        assertThat(CompressedBlocks.getLongLE(block, 0)).isEqualTo(checksum[0]);
        assertThat(CompressedBlocks.getLongLE(block, 8)).isEqualTo(checksum[1]);
    }

    @Test
    void roundTripsAcrossBlockBoundaries() throws IOException {
        byte[] plain = compressible(3 * CompressedBlocks.BLOCK_SIZE + 12345);
        byte[] framed = compress(plain);
        assertThat(framed.length).isLessThan(plain.length);
        assertThat(decompress(framed)).isEqualTo(plain);
    }

    @Test
    void theDriverReadsWhatWeWrite() throws IOException {
        byte[] plain = compressible(2 * CompressedBlocks.BLOCK_SIZE + 7);
        try (InputStream driver = new ClickHouseLZ4InputStream(new ByteArrayInputStream(compress(plain)),
                LZ4Factory.fastestInstance().fastDecompressor(), 8192)) {
            assertThat(driver.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void weReadWhatTheDriverWrites() throws IOException {
        byte[] plain = compressible(700_000);
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        try (OutputStream driver = new ClickHouseLZ4OutputStream(framed, LZ4Factory.fastestInstance().fastCompressor(), 65536)) {
            driver.write(plain);
        }
        assertThat(decompress(framed.toByteArray())).isEqualTo(plain);
    }

    @Test
    void anUncompressedBlockIsAccepted() throws IOException {
        byte[] payload = "raw".getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[16 + 9 + payload.length];
        block[16] = CompressedBlocks.METHOD_NONE;
        CompressedBlocks.putIntLE(block, 17, 9 + payload.length);
        CompressedBlocks.putIntLE(block, 21, payload.length);
        System.arraycopy(payload, 0, block, 25, payload.length);
        long[] checksum = CityHash128.hash(block, 16, 9 + payload.length);
        CompressedBlocks.putLongLE(block, 0, checksum[0]);
        CompressedBlocks.putLongLE(block, 8, checksum[1]);
        assertThat(decompress(block)).isEqualTo(payload);
    }

    @Test
    void aFlippedBitFailsTheChecksum() {
        byte[] block = CompressedBlocks.frame(compressible(1000), 0, 1000);
        block[block.length - 3] ^= 0x01;
        assertThatThrownBy(() -> decompress(block))
                .isInstanceOf(CompressedBlocks.MalformedBlockException.class)
                .hasMessageContaining("Checksum doesn't match")
                .satisfies(e -> assertThat(((CompressedBlocks.MalformedBlockException) e).clickHouseCode()).isEqualTo(40));
    }

    @Test
    void anUnknownMethodIsRefused() {
        byte[] block = CompressedBlocks.frame(compressible(100), 0, 100);
        block[16] = (byte) 0x90;
        assertThatThrownBy(() -> decompress(block))
                .isInstanceOf(CompressedBlocks.MalformedBlockException.class)
                .hasMessageContaining("Unknown compression method 0x90");
    }

    @Test
    void aTruncatedBlockIsRefusedNotAwaited() {
        byte[] block = CompressedBlocks.frame(compressible(5000), 0, 5000);
        assertThatThrownBy(() -> decompress(Arrays.copyOf(block, block.length - 10)))
                .isInstanceOf(CompressedBlocks.MalformedBlockException.class)
                .hasMessageContaining("ends inside a compressed block");
        assertThatThrownBy(() -> decompress(Arrays.copyOf(block, 20)))
                .isInstanceOf(CompressedBlocks.MalformedBlockException.class)
                .hasMessageContaining("block header");
    }

    @Test
    void anAbsurdSizeIsRefusedBeforeAllocating() {
        byte[] block = CompressedBlocks.frame(compressible(100), 0, 100);
        CompressedBlocks.putIntLE(block, 17, Integer.MAX_VALUE);
        assertThatThrownBy(() -> decompress(block))
                .isInstanceOf(CompressedBlocks.MalformedBlockException.class)
                .hasMessageContaining("Corrupted compressed block");
    }
}
