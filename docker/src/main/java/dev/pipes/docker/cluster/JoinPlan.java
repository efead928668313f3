package dev.pipes.docker.cluster;

import java.util.List;
import java.util.Optional;

/**
 * Which engines of {@code pipes init --servers} join the Swarm as what: the first is the manager
 * init talks to (it makes the Swarm or uses the one it manages), the next {@code --managers N}
 * join as managers too, the rest as workers. Pure: {@link ClusterSetup} carries it out, and
 * {@code pipes leave} undoes it (managers are demoted before they leave).
 *
 * @param primary  the engine init talks to (null: the local engine)
 * @param managers the engines that join as managers, in the order given
 * @param workers  the engines that join as workers
 */
public record JoinPlan(String primary, List<String> managers, List<String> workers) {
    public JoinPlan {
        managers = List.copyOf(managers);
        workers = List.copyOf(workers);
    }

    /** The plan for {@code servers} (maybe empty: the local engine alone) with {@code extraManagers} managers beside the first. */
    public static JoinPlan of(List<String> servers, int extraManagers) {
        if (extraManagers < 0) throw new IllegalArgumentException("--managers: a number of 0 or more, not " + extraManagers);
        int others = Math.max(0, servers.size() - 1);
        if (extraManagers > others) {
            throw new IllegalArgumentException("--managers " + extraManagers + ": only " + others
                    + " engine(s) in --servers beside the first, which is a manager already");
        }
        if (servers.isEmpty()) return new JoinPlan(null, List.of(), List.of());
        return new JoinPlan(servers.get(0), servers.subList(1, 1 + extraManagers), servers.subList(1 + extraManagers, servers.size()));
    }

    /** Every engine that joins (and that leave makes leave again). */
    public List<String> joining() {
        return java.util.stream.Stream.concat(managers.stream(), workers.stream()).toList();
    }

    /**
     * A word about the managers' quorum when it is worth one: Swarm keeps working while a majority
     * of its managers is up, so an even number tolerates no more lost managers than one fewer.
     */
    public Optional<String> quorumNote() {
        int total = 1 + managers.size();
        if (total % 2 == 1) return Optional.empty();
        return Optional.of(total + " managers tolerate the loss of " + ((total - 1) / 2) + " (as many as " + (total - 1)
                + " would); an odd number is the usual choice");
    }
}
