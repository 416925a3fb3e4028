package nl.weerthuis.kernel.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] h(int prefix, byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((byte) prefix);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    @Test
    void the_roots_of_the_empty_tree_and_of_one_empty_leaf_are_those_of_rfc_6962() {
        assertThat(HexFormat.of().formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HexFormat.of().formatHex(MerkleTree.root(List.of(new byte[0]))))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void an_uneven_tree_splits_at_the_largest_power_of_two_below_its_size() throws Exception {
        byte[] a = bytes("a"), b = bytes("b"), c = bytes("c"), d = bytes("d"), e = bytes("e");
        byte[] ab = h(1, h(0, a), h(0, b));
        byte[] cd = h(1, h(0, c), h(0, d));
        assertThat(MerkleTree.root(List.of(a, b, c))).isEqualTo(h(1, ab, h(0, c)));
        assertThat(MerkleTree.root(List.of(a, b, c, d, e))).isEqualTo(h(1, h(1, ab, cd), h(0, e)));
    }

    @Test
    void changing_adding_dropping_or_swapping_a_leaf_changes_the_root() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            leaves.add(bytes("head-" + i));
        }
        byte[] root = MerkleTree.root(leaves);

        List<byte[]> changed = new ArrayList<>(leaves);
        changed.set(4, bytes("head-4'"));
        List<byte[]> added = new ArrayList<>(leaves);
        added.add(bytes("head-7"));
        List<byte[]> dropped = new ArrayList<>(leaves.subList(0, 6));
        List<byte[]> swapped = new ArrayList<>(leaves);
        swapped.set(1, leaves.get(2));
        swapped.set(2, leaves.get(1));
        for (List<byte[]> other : List.of(changed, added, dropped, swapped)) {
            assertThat(MerkleTree.root(other)).isNotEqualTo(root);
        }
        assertThat(MerkleTree.root(new ArrayList<>(leaves))).isEqualTo(root);
    }
}
