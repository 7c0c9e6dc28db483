package io.jobpulse.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.data.ClickHouseCityHash;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our CityHash128 against the one in ClickHouse's own Java client, which verifies compressed blocks in the wild. */
// The driver marks its class deprecated for application use; as the reference it checks us against, that is moot.
@SuppressWarnings("deprecation")
class CityHash128Test {

    @Test
    void matchesTheDriversImplementationForEveryLengthUpToSeveralLoopRounds() {
        Random random = new Random(20261128);
        // Lengths cross every branch: 0..7, 8..15, 16..127 (CityMurmur), 128+ (the unrolled loop and its 32-byte tail).
        for (int length = 0; length <= 1100; length++) {
            byte[] buffer = new byte[length + 5];
            random.nextBytes(buffer);
            int offset = length % 5;
            assertThat(CityHash128.hash(buffer, offset, length))
                    .as("length %d at offset %d", length, offset)
                    .containsExactly(ClickHouseCityHash.cityHash128(buffer, offset, length));
        }
    }

    @Test
    void matchesTheDriverOnLargeBlocks() {
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        assertThat(CityHash128.hash(block, 0, block.length))
                .containsExactly(ClickHouseCityHash.cityHash128(block, 0, block.length));
    }

    @Test
    void differentInputsHashDifferently() {
        byte[] a = "SELECT 1".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "SELECT 2".getBytes(StandardCharsets.US_ASCII);
        assertThat(CityHash128.hash(a, 0, a.length)).isNotEqualTo(CityHash128.hash(b, 0, b.length));
    }
}
