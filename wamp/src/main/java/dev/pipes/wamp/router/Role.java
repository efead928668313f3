package dev.pipes.wamp.router;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A named set of permissions; a permission grants actions on every URI starting with a prefix. */
public record Role(String name, List<Permission> permissions) {

    public record Permission(String uriPrefix, Set<Action> actions) {
        public Permission {
            actions = Set.copyOf(actions);
        }
    }

    public Role {
        permissions = List.copyOf(permissions);
    }

    /** A role that may do everything on every URI. */
    public static Role unrestricted(String name) {
        return new Role(name, List.of(new Permission("", EnumSet.allOf(Action.class))));
    }

    public boolean allows(Action action, String uri) {
        for (Permission p : permissions) {
            if (uri.startsWith(p.uriPrefix()) && p.actions().contains(action)) return true;
        }
        return false;
    }
}
