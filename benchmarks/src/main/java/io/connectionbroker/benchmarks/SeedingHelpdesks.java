package io.connectionbroker.benchmarks;

import io.connectionbroker.domain.HelpdeskUsers;
import io.connectionbroker.domain.Proof;
import io.connectionbroker.domain.RegisterInstance;

/**
 * What the benchmarks' seeding registers with: helpdesks that confirm every credential as an administrator's.
 * The benchmarks measure the other operations; registration's own call to a helpdesk is not in their figures.
 */
final class SeedingHelpdesks {
    static final HelpdeskUsers ADMINISTRATORS = (instance, proof) -> new HelpdeskUsers.Administrator();

    private SeedingHelpdesks() {
    }

    static RegisterInstance.Command command(String url) {
        return new RegisterInstance.Command(url, null, true, new Proof.OAuth("benchmark-seeding"));
    }
}
