package io.jobpulse.demo.corpus;

/**
 * Where a job is: a city in a country, or remote within a region.
 *
 * @param city        English city name, null when remote
 * @param region      US state code, written after the city as US boards do ("New York, NY"); null elsewhere
 * @param countryCode ISO 3166-1 alpha-2 of the city, null when remote
 * @param countryName the country as boards write it ("United States")
 * @param currency    ISO 4217 code salaries here are stated in
 * @param payFactor   local pay relative to the US, in local currency units
 * @param remoteRegion for remote jobs: US, GB, EU or WORLD (the labels of {@code EnrichedPosting.remote_regions}); else null
 */
public record Place(String city, String region, String countryCode, String countryName, String currency, double payFactor,
                    String remoteRegion) {

    public boolean remote() {
        return remoteRegion != null;
    }

    /** The location text boards show: "Berlin, Germany", "Austin, TX, United States" or "Remote (EU)". */
    public String text() {
        if (remote()) {
            return "Remote (" + switch (remoteRegion) {
                case "GB" -> "UK";
                case "WORLD" -> "Worldwide";
                default -> remoteRegion;
            } + ")";
        }
        return city + (region == null ? "" : ", " + region) + ", " + countryName;
    }

    /** How the description names the region a remote job hires in. */
    String regionPhrase() {
        return switch (remoteRegion) {
            case "US" -> "in the United States";
            case "GB" -> "in the United Kingdom";
            case "EU" -> "in the EU";
            default -> "worldwide";
        };
    }
}
