package io.jobpulse.demo.corpus;

import java.util.List;

/**
 * How jobs of one role family look: how common the role is, its title nouns, its level mix, its pay, the
 * technology stack it asks for and what the job involves.
 *
 * @param role        role family label of {@code EnrichedPosting.roles}, e.g. {@code data_engineering}
 * @param weight      share of all jobs, relative to the other roles
 * @param titleNouns  the job noun in titles ("Backend Engineer")
 * @param levels      level mix
 * @param seniorUsd   midpoint of a senior's annual pay in a US city, USD
 * @param stack       technology slots, filled in order; the first names the job's main language or tool
 * @param duties      what the job involves, in words that name no technology, level or other job
 * @param techInTitle chance that the title names the main technology in parentheses
 */
record RoleProfile(String role, double weight, Weighted<String> titleNouns, Weighted<Seniority> levels,
                   double seniorUsd, List<Slot> stack, List<String> duties, double techInTitle) {

    /**
     * One part of a stack: with {@code probability}, one group of technologies that go together
     * ({@code [Python, Django]}), picked by weight.
     */
    record Slot(double probability, Weighted<List<String>> groups) {
    }
}
