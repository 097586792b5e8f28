using System.Runtime.CompilerServices;
using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Tests.Pipeline;

public class InboundEventLayoutTests
{
    [Fact]
    public void Payload_IsUnmanaged_SoTheUnionLoads()
    {
        // An explicit-layout union with a reference field fails to load; this proves every member stays unmanaged.
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<InboundPayload>());
        var ring = new InboundEvent[4];
        ring[1].Payload.Timer = new TimerTick { Kind = TimerKind.Housekeeping, DueMs = 42 };
        Assert.Equal(42, ring[1].Payload.Timer.DueMs);
    }

    [Fact]
    public void Slot_StaysWithinFiveCacheLines()
    {
        // The ring's footprint is slots x size; a growing payload is a design decision, not an accident.
        // 288 bytes today, dominated by the user-channel TradeEvent (ids, owner, maker address, tx hash).
        Assert.InRange(Unsafe.SizeOf<InboundEvent>(), 64, 320);
    }
}
