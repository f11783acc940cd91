package io.huddle.cluster;

import io.huddle.config.GeneralSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's id: {@code huddle.general.id} if set, else host name and process id (unique on one machine too). */
@ApplicationScoped
public class NodeIdentity {

    @Inject
    GeneralSettings general;

    private String id;

    @PostConstruct
    void init() {
        id = general.nodeId().orElseGet(NodeIdentity::hostAndPid);
    }

    public String id() {
        return id;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
