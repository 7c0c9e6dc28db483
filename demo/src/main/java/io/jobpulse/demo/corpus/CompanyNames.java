package io.jobpulse.demo.corpus;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Plausible company names ("Kestrel Logistics", "Cedar Marble Health") and what each company does. No part is a
 * technology, a job or a place, so names never add labels to a posting.
 */
final class CompanyNames {

    private static final List<String> FIRST = List.of("Northwind", "Bluefin", "Quarry", "Lumen", "Harbor", "Cedar",
            "Juniper", "Kestrel", "Marble", "Orchard", "Pioneer", "Riverbend", "Saltmarsh", "Tidewater", "Granite",
            "Meadow", "Copperleaf", "Foxglove", "Halcyon", "Ironwood", "Larkspur", "Moonrise", "Nettle", "Oakridge",
            "Pebble", "Quill", "Redwood", "Sparrow", "Thistle", "Umber", "Vantage", "Willow", "Yarrow", "Alder");
    private static final List<String> LAST = List.of("Labs", "Health", "Robotics", "Logistics", "Finance", "Energy",
            "Bio", "Freight", "Mobility", "Insurance", "Foods", "Travel", "Media", "Retail", "Homes", "Works");
    private static final List<String> PRODUCTS = List.of("scheduling software", "payment tools", "logistics software",
            "patient intake tools", "energy monitoring", "fleet tracking", "learning tools", "insurance pricing",
            "inventory software", "booking software", "accounting software", "field service apps", "hiring tools",
            "compliance software", "route planning", "customer messaging");
    private static final List<String> CUSTOMERS = List.of("small businesses", "hospitals", "freight carriers",
            "schools", "retailers", "utilities", "banks", "restaurants", "city governments", "farms", "clinics",
            "hotels", "manufacturers", "nonprofits");

    private CompanyNames() {
    }

    /** {@code count} distinct names, two parts while they last, then three. */
    static List<String> distinct(int count, RandomGenerator random) {
        Set<String> names = new LinkedHashSet<>();
        int capacity = FIRST.size() * LAST.size();
        while (names.size() < count) {
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            if (names.size() < capacity * 3 / 4) {
                names.add(first + " " + last);
            } else {
                String middle = FIRST.get(random.nextInt(FIRST.size()));
                if (!middle.equals(first)) {
                    names.add(first + " " + middle + " " + last);
                }
            }
        }
        return List.copyOf(names);
    }

    static String blurb(RandomGenerator random) {
        return "builds " + PRODUCTS.get(random.nextInt(PRODUCTS.size())) + " for "
                + CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
    }

    static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
