package io.jobpulse.demo.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A weighted choice among fixed options, drawn from the corpus's seeded generator. */
final class Weighted<T> {

    private final List<T> options = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    Weighted<T> add(T option, double weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + option);
        }
        total += weight;
        options.add(option);
        cumulative.add(total);
        return this;
    }

    T pick(RandomGenerator random) {
        double r = random.nextDouble() * total;
        for (int i = 0; i < options.size(); i++) {
            if (r < cumulative.get(i)) {
                return options.get(i);
            }
        }
        return options.getLast();
    }

    List<T> options() {
        return List.copyOf(options);
    }

    /** The share of {@code option} among all options' weight. */
    double share(T option) {
        double prev = 0;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals(option)) {
                return (cumulative.get(i) - prev) / total;
            }
            prev = cumulative.get(i);
        }
        return 0;
    }
}
