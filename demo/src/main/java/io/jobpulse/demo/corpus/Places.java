package io.jobpulse.demo.corpus;

import java.util.List;

/**
 * Real cities where software jobs cluster, with the currency and local pay level of each (relative to the US, in
 * local currency), and the remote regions jobs are open to. Weights are roughly each city's share of tech postings.
 */
final class Places {

    record City(Place place, double weight) {
    }

    static final List<City> CITIES = List.of(
            us("San Francisco", "CA", 8, 1.12), us("New York", "NY", 9, 1.10), us("Seattle", "WA", 5, 1.05), us("Austin", "TX", 4, 0.95),
            us("Boston", "MA", 4, 1.0), us("Chicago", "IL", 3, 0.95), us("Denver", "CO", 3, 0.95), us("Los Angeles", "CA", 3, 1.0),
            city("Toronto", "CA", "Canada", "CAD", 0.85, 3), city("Vancouver", "CA", "Canada", "CAD", 0.85, 2),
            city("Montreal", "CA", "Canada", "CAD", 0.78, 1),
            city("London", "GB", "United Kingdom", "GBP", 0.55, 7), city("Manchester", "GB", "United Kingdom", "GBP", 0.44, 1.5),
            city("Edinburgh", "GB", "United Kingdom", "GBP", 0.44, 1),
            city("Berlin", "DE", "Germany", "EUR", 0.45, 6), city("Munich", "DE", "Germany", "EUR", 0.48, 3),
            city("Hamburg", "DE", "Germany", "EUR", 0.44, 2),
            city("Amsterdam", "NL", "Netherlands", "EUR", 0.46, 4),
            city("Paris", "FR", "France", "EUR", 0.40, 3),
            city("Barcelona", "ES", "Spain", "EUR", 0.32, 2), city("Madrid", "ES", "Spain", "EUR", 0.32, 1.5),
            city("Dublin", "IE", "Ireland", "EUR", 0.50, 2.5),
            city("Lisbon", "PT", "Portugal", "EUR", 0.28, 1.5));

    static final Weighted<Place> REMOTE = new Weighted<Place>()
            .add(new Place(null, null, null, null, "USD", 1.0, "US"), 45)
            .add(new Place(null, null, null, null, "EUR", 0.45, "EU"), 30)
            .add(new Place(null, null, null, null, "GBP", 0.52, "GB"), 10)
            .add(new Place(null, null, null, null, "USD", 0.75, "WORLD"), 15);

    /** Countries companies are based in, weighted. */
    static final Weighted<String> HQ_COUNTRIES = new Weighted<String>()
            .add("US", 50).add("GB", 12).add("DE", 14).add("NL", 6).add("CA", 6).add("FR", 4).add("ES", 3)
            .add("IE", 3).add("PT", 2);

    private Places() {
    }

    static Weighted<Place> citiesIn(String countryCode) {
        Weighted<Place> w = new Weighted<>();
        for (City c : CITIES) {
            if (countryCode == null || c.place().countryCode().equals(countryCode)) {
                w.add(c.place(), c.weight());
            }
        }
        return w;
    }

    private static City us(String name, String state, double weight, double pay) {
        return new City(new Place(name, state, "US", "United States", "USD", pay, null), weight);
    }

    private static City city(String name, String code, String country, String currency, double pay, double weight) {
        return new City(new Place(name, null, code, country, currency, pay, null), weight);
    }
}
