package io.huddle.chat;

import io.huddle.cluster.Member;
import io.huddle.connection.Connection;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores id, join time, node, user and metadata; shows ActionHero's {@code {id, joinedAt}} plus {@code user} and
 * {@code metadata}. The user is shown as a hash: by default it is the fingerprint, i.e. the visitor's session
 * cookie, which other members must never see.
 */
@ApplicationScoped
public class DefaultMemberDetails implements MemberDetails {

    @Override
    public Member generate(Connection connection, String room, String node) {
        return new Member(connection.id(), System.currentTimeMillis(), node, publicUser(connection.userKey()),
                connection.metadata());
    }

    @Override
    public Map<String, Object> sanitize(Member member) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", member.id());
        shown.put("joinedAt", member.joinedAt());
        shown.put("user", member.user());
        if (!member.metadata().isEmpty()) {
            shown.put("metadata", member.metadata());
        }
        return shown;
    }

    /** A stable, non-reversible id for a user key. */
    static String publicUser(String userKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
