package io.jobpulse.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalaryParserTest {

    private static Salary salary(String text) {
        return Enrichers.enrich(text).salary();
    }

    private static void assertSalary(String text, Double min, Double max, String currency, SalaryPeriod period) {
        Salary s = salary(text);
        assertThat(s).as(text).isNotNull();
        assertThat(s.min()).as(text + " min").isEqualTo(min);
        assertThat(s.max()).as(text + " max").isEqualTo(max);
        assertThat(s.currency()).isEqualTo(currency);
        assertThat(s.period()).isEqualTo(period);
    }

    @Test
    void rangesInTheStatedCurrencyAndPeriod() {
        assertSalary("Acme | Senior Engineer | $170k \u2014 $230k", 170000.0, 230000.0, "USD", SalaryPeriod.YEAR);
        assertSalary("Acme | Remote | 150-230k+ + equity", 150000.0, 230000.0, "USD", SalaryPeriod.YEAR);
        assertSalary("Acme | Berlin | \u20AC60.000\u201375.000", 60000.0, 75000.0, "EUR", SalaryPeriod.YEAR);
        assertSalary("Acme | London | \u00A345,000", 45000.0, 45000.0, "GBP", SalaryPeriod.YEAR);
        assertSalary("Acme | Contract | $85/hr", 85.0, 85.0, "USD", SalaryPeriod.HOUR);
        assertSalary("Salary: 45-70 USD per hour, or 7560-11760 USD a month", 45.0, 70.0, "USD", SalaryPeriod.HOUR);
        assertSalary("Acme | Ottawa | 100k - 120k CA$", 100000.0, 120000.0, "CAD", SalaryPeriod.YEAR);
        assertSalary("Acme | Zurich | 100-200k CHF", 100000.0, 200000.0, "CHF", SalaryPeriod.YEAR);
        assertSalary("Acme | $ 195 - 275k", 195000.0, 275000.0, "USD", SalaryPeriod.YEAR);
        assertSalary("Pay: 6,000-8,000 EUR per month", 6000.0, 8000.0, "EUR", SalaryPeriod.MONTH);
        assertSalary("Sales | OTE $200k", 200000.0, 200000.0, "USD", SalaryPeriod.YEAR);
    }

    @Test
    void severalRangesSpanLowestToHighest() {
        assertSalary("Engineer \u00A360k-100k + equity. Compiler Engineer \u00A380-120k + equity", 60000.0, 120000.0, "GBP", SalaryPeriod.YEAR);
    }

    @Test
    void currencyFollowsTheCountryWhenNotWritten() {
        assertSalary("Acme | London, UK | ONSITE | >= 80k+", 80000.0, null, "GBP", SalaryPeriod.YEAR);
    }

    @Test
    void annualizedAndUsdFigures() {
        Salary s = salary("Acme | Contract | $50/hr");
        assertThat(s.annualMin()).isEqualTo(104000.0);
        assertThat(s.usdAnnualMin()).isEqualTo(104000.0);
        Salary g = salary("Acme | London | \u00A3100k");
        assertThat(g.usdAnnualMin()).isGreaterThan(100000.0);
    }

    @Test
    void fundingCountsAndEquityAreNotPay() {
        assertThat(salary("We raised $55M in our Series C at a $2.2B valuation")).isNull();
        assertThat(salary("$8.77m ARR and 55K weekly downloads")).isNull();
        assertThat(salary("Significant equity on the table, 0.5% - 1%")).isNull();
        assertThat(salary("Over 10,000 qps and 240K lines of code")).isNull();
        assertThat(salary("Competitive salary and stock options")).isNull();
    }

    @Test
    void structuredFieldsComeFirst() {
        StructuredHints hints = new StructuredHints(120000.0, 150000.0, "usd", "year", null, null, null, null, null);
        Salary s = Enrichers.SHARED.enrich(new PostingText("Engineer", "Pay $10k-20k", null, hints)).salary();
        assertThat(s.min()).isEqualTo(120000.0);
        assertThat(s.source()).isEqualTo(Salary.Source.STRUCTURED);
    }

    @Test
    void fundingInTheSentenceBeforeDoesNotHideTheRange() {
        assertSalary("We raised $100M led by Sequoia. Compensation $250k-$350k base.", 250000.0, 350000.0, "USD", SalaryPeriod.YEAR);
        assertThat(salary("We raised $20M-$30M in two rounds")).isNull();
    }
}
