package dev.pipes.docker;

import dev.pipes.docker.cluster.ClusterRecord;
import dev.pipes.docker.etcd.Etcd;
import dev.pipes.docker.etcd.EtcdConfigStore;
import dev.pipes.docker.swarm.ClusterPlane;
import dev.pipes.engine.module.PipesModule;
import dev.pipes.engine.service.ServiceRegistry;
import dev.pipes.engine.service.Services;
import dev.pipes.engine.verbs.PipesVerb;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster module: {@code pipes init}, {@code pipes status}, {@code pipes leave}, and, where
 * {@code pipes init} recorded a cluster in $PIPES_HOME, the shell's services: the registry in
 * the cluster's etcd and the stages on its Swarm.
 */
public final class ClusterModule implements PipesModule {
    @Override
    public String name() {
        return ClusterRecord.FILE;
    }

    @Override
    public List<PipesVerb> verbs() {
        return ClusterVerbs.all();
    }

    @Override
    public Optional<Services> services(Map<String, String> environment) {
        Optional<ClusterRecord> record = ClusterRecord.read(Services.home(environment));
        if (record.isEmpty()) return Optional.empty();
        return Optional.of(services(record.get(), environment));
    }

    /** The services of the cluster {@code record} describes (etcd is reached lazily, on first use). */
    public static Services services(ClusterRecord record, Map<String, String> environment) {
        Etcd etcd = Etcd.connect(Etcd.parseEndpoints(record.etcd()));
        EtcdConfigStore store = etcd.store(record.namespace());
        return new Services(new ServiceRegistry(store), new ClusterPlane(record, store, environment, etcd));
    }
}
