package io.jobpulse.ingest.normalize;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.Location;
import io.jobpulse.contracts.avro.Salary;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over a posting's content: everything a reader would see change. Volatile fields are left out:
 * {@code fetched_at}, {@code closed_at}, {@code status}, and the source's {@code updated_at} (several boards bump it
 * without changing anything visible), so re-fetching an unchanged posting yields the same hash.
 */
public final class ContentHash {

    private static final byte SEP = 0x1F;
    private static final ThreadLocal<Hashing> HASHING = ThreadLocal.withInitial(Hashing::new);

    /** A thread's digest and the buffer its strings are encoded into (shared with the Avro encoding). */
    private static final class Hashing {
        final MessageDigest digest = sha256();
        final Utf8Buffer utf8 = Utf8Buffer.ofThread();
    }

    private ContentHash() {
    }

    public static String of(JobPosting p) {
        Hashing md = HASHING.get();
        md.digest.reset();
        put(md, p.getId());
        put(md, p.getBoard());
        put(md, p.getTitle());
        put(md, p.getCompany());
        put(md, p.getDescriptionHtml() != null ? p.getDescriptionHtml() : p.getDescriptionText());
        put(md, p.getUrl());
        put(md, p.getApplyUrl());
        put(md, p.getPostedAt() == null ? null : p.getPostedAt().toString());
        put(md, p.getLocationRaw());
        for (Location l : p.getLocations()) {
            put(md, l.getRaw());
            put(md, l.getCity());
            put(md, l.getRegion());
            put(md, l.getCountry());
            put(md, String.valueOf(l.getRemote()));
        }
        put(md, String.valueOf(p.getRemote()));
        put(md, p.getWorkplaceType());
        put(md, p.getEmploymentType());
        put(md, p.getDepartment());
        Salary s = p.getSalary();
        if (s != null) {
            put(md, String.valueOf(s.getMin()));
            put(md, String.valueOf(s.getMax()));
            put(md, s.getCurrency());
            put(md, s.getPeriod());
            put(md, s.getRaw());
        }
        for (String t : p.getTags()) {
            put(md, t);
        }
        put(md, p.getLanguage());
        for (Map.Entry<String, String> e : new TreeMap<>(p.getAttributes()).entrySet()) {
            put(md, e.getKey());
            put(md, e.getValue());
        }
        return HexFormat.of().formatHex(md.digest.digest());
    }

    /** The field's UTF-8 bytes, then a separator (so "ab","c" and "a","bc" differ). */
    private static void put(Hashing md, String s) {
        if (s != null) {
            int length = md.utf8.encode(s); // first: encoding may replace the buffer
            md.digest.update(md.utf8.bytes(), 0, length);
        }
        md.digest.update(SEP);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
