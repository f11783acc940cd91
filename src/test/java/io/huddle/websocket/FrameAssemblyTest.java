package io.huddle.websocket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class FrameAssemblyTest {

    @Test
    void aFrameInOnePartIsPassedOnAsItIs() {
        FrameAssembly assembly = new FrameAssembly(10);
        String frame = "{\"a\":1}";
        assertEquals(new FrameAssembly.Complete(frame), assembly.add(frame, true));
    }

    @Test
    void partsAreJoinedUntilTheLast() {
        FrameAssembly assembly = new FrameAssembly(10);
        assertInstanceOf(FrameAssembly.Pending.class, assembly.add("abc", false));
        assertInstanceOf(FrameAssembly.Pending.class, assembly.add("def", false));
        assertEquals(new FrameAssembly.Complete("abcdefg"), assembly.add("g", true));
        assertEquals(new FrameAssembly.Complete("next"), assembly.add("next", true), "the next frame starts afresh");
    }

    @Test
    void aFrameIsRefusedAsSoonAsItsPartsPassTheLimitAndTheRestIsIgnored() {
        FrameAssembly assembly = new FrameAssembly(10);
        assertInstanceOf(FrameAssembly.Pending.class, assembly.add("x".repeat(6), false));
        assertInstanceOf(FrameAssembly.TooBig.class, assembly.add("x".repeat(6), false));
        assertInstanceOf(FrameAssembly.Pending.class, assembly.add("x".repeat(6), true));
        assertInstanceOf(FrameAssembly.Pending.class, assembly.add("small", true), "the connection is closing");
    }

    @Test
    void binaryFramesAreCountedNotKept() {
        FrameAssembly assembly = new FrameAssembly(10);
        assertInstanceOf(FrameAssembly.Pending.class, assembly.addBinary(8, false));
        assertInstanceOf(FrameAssembly.BinaryEnded.class, assembly.addBinary(2, true));
        assertInstanceOf(FrameAssembly.TooBig.class, assembly.addBinary(11, false));
    }
}
