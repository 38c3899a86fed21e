package org.virtkg.api;

import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.enc;

import org.junit.jupiter.api.Test;
import org.virtkg.security.AccessTokens;

class ExploreTest {
    @Test
    void dump() throws Exception {
        try (var s = ShippedServer.start(AccessTokens.none())) {
            String b = ShippedServer.base(s);
            StringBuilder out = new StringBuilder();
            for (String u : new String[] {"/api/technologies?limit=500", "/api/platforms?limit=500", "/api/technologies/LXC",
                    "/api/technologies/kvm", "/api/platforms/OpenStack", "/api/platforms?supports=ContainerTechnology",
                    "/api/platforms?supports=LXC", "/api/technologies/LXC/platforms", "/api/compatibility?technology=KVM&platform=OpenStack",
                    "/api/compatibility?technology=LXD&platform=Ganeti", "/api/compatibility/matrix", "/api/queries",
                    "/api/queries/platforms-for-technology?technology=LXC", "/id/KVM", "/api/technologies/KVMM", "/api/platforms/Ganeti",
                    "/api/platforms/Eucalyptus", "/api/platforms/Nimbus", "/api/platforms/OpenNebula", "/api/technologies/Xen", "/api/technologies/VirtualBox"}) {
                var r = get(b + u);
                out.append("=== ").append(u).append(' ').append(r.statusCode()).append('\n').append(r.body()).append('\n');
            }
            out.append("=== html\n").append(get(b + "/id/KVM", "Accept", "text/html").body());
            out.append("=== csv\n").append(get(b + "/api/compatibility/matrix", "Accept", "text/csv").body());
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/explore.txt"), out);
        }
    }
}
