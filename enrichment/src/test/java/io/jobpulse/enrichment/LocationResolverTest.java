package io.jobpulse.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocationResolverTest {

    private static Enrichment e(String text) {
        return Enrichers.enrich(text);
    }

    @Test
    void headerCitiesWithRegionsAndCountries() {
        assertThat(e("Acme | Austin, TX | Onsite").locations()).containsExactly(new Location("Austin", "TX", "US"));
        assertThat(e("Acme | London, UK | Onsite").locations()).containsExactly(new Location("London", null, "GB"));
        assertThat(e("Acme | Toronto, Ontario | Hybrid").locations()).containsExactly(new Location("Toronto", "ON", "CA"));
        assertThat(e("Acme | Zürich | Onsite").locations()).containsExactly(new Location("Zurich", null, "CH"));
        assertThat(e("Acme | Hannover/Munich, Germany | ONSITE").locations()).containsExactly(
                new Location("Hannover", null, "DE"), new Location("Munich", null, "DE"));
    }

    @Test
    void shortForms() {
        assertThat(e("Acme | SF | Onsite").locations()).containsExactly(new Location("San Francisco", "CA", "US"));
        assertThat(e("Acme | NYC & Remote").locations()).containsExactly(new Location("New York", "NY", "US"));
        assertThat(e("Acme | Bay Area | Onsite").locations()).containsExactly(new Location("San Francisco", "CA", "US"));
        assertThat(e("Acme | DC | Onsite").locations()).containsExactly(new Location("Washington", "DC", "US"));
        assertThat(e("Acme | Bengaluru | Onsite").locations()).containsExactly(new Location("Bangalore", null, "IN"));
    }

    @Test
    void ambiguousCitiesFollowTheirQualifier() {
        assertThat(e("Acme | Cambridge, MA | Onsite").locations()).containsExactly(new Location("Cambridge", "MA", "US"));
        assertThat(e("Acme | Cambridge, UK | Onsite").locations()).containsExactly(new Location("Cambridge", null, "GB"));
        assertThat(e("Acme | Portland, OR | Onsite").locations()).containsExactly(new Location("Portland", "OR", "US"));
    }

    @Test
    void remoteQualifiersAreRegionsNotLocations() {
        Enrichment a = e("Acme | Remote (US, Canada) | Full-time");
        assertThat(a.locations()).isEmpty();
        assertThat(a.remoteRegions()).containsExactly("US", "CA");
        Enrichment b = e("Acme | REMOTE within UK/Europe | Full-time");
        assertThat(b.remoteRegions()).containsExactly("GB", "EU");
        assertThat(e("Acme | Remote (Worldwide)").remoteRegions()).containsExactly("WORLD");
        assertThat(e("Acme | Fully Remote (Generally U.S. Time zones)").remoteRegions()).containsExactly("US");
        assertThat(e("Acme | Remote - EMEA").remoteRegions()).containsExactly("EMEA");
        Enrichment c = e("Acme | Remote (US), Houston/Austin, TX | Full-time");
        assertThat(c.remoteRegions()).containsExactly("US");
        assertThat(c.locations()).containsExactly(new Location("Houston", "TX", "US"), new Location("Austin", "TX", "US"));
    }

    @Test
    void bodyPlacesNeedALocationCue() {
        assertThat(e("Acme | Engineer. We have been featured in The New York Times.").locations()).isEmpty();
        assertThat(e("Acme | Engineer. Our office is in Berlin, Germany.").locations()).containsExactly(new Location("Berlin", null, "DE"));
        assertThat(e("Acme | Engineer. We have offices in SF, NYC and London.").locations()).containsExactly(
                new Location("San Francisco", "CA", "US"), new Location("New York", "NY", "US"), new Location("London", null, "GB"));
    }

    @Test
    void severalLocationsAndCountriesAlone() {
        Enrichment x = e("Acme | India (Bangalore/Mumbai) | ONSITE");
        assertThat(x.locations()).containsExactly(new Location("Bangalore", null, "IN"), new Location("Mumbai", null, "IN"));
        assertThat(e("Acme | Germany | ONSITE").locations()).containsExactly(new Location(null, null, "DE"));
    }

    @Test
    void newYorkIsTheCityUnlessItQualifiesOne() {
        assertThat(e("Acme | Engineer. Offices in London and New York.").locations()).containsExactly(
                new Location("London", null, "GB"), new Location("New York", "NY", "US"));
        assertThat(e("Acme | Albany, New York | Onsite").locations()).containsExactly(new Location("Albany", "NY", "US"));
    }
}
