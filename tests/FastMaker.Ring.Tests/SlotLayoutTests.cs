using System.Runtime.CompilerServices;

namespace FastMaker.Ring.Tests;

public class SlotLayoutTests
{
    private struct RefEvent
    {
        public string? Text;
        public long Value;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(65536)]
    public unsafe void EventWithoutReferences_Slot0StartsOnA128ByteBoundary_SoNo32ByteEventStraddlesALine(int size)
    {
        var ring = new RingBuffer<TestEvent>(size);
        for (long s = 0; s < Math.Min(size, 64); s++)
        {
            long address = (long)Unsafe.AsPointer(ref ring[s]);
            Assert.Equal(address / 64, (address + sizeof(TestEvent) - 1) / 64);
        }
        Assert.Equal(0, (long)Unsafe.AsPointer(ref ring[0]) % 128);
    }

    [Fact]
    public void EventsStartDefault_AndSlotsWrapAtTheSize()
    {
        var ring = new RingBuffer<TestEvent>(8);
        for (long s = 0; s < 8; s++)
            Assert.Equal(default, ring[s]);
        ring[3].Value = 42;
        Assert.Equal(42, ring[11].Value);
        Assert.True(Unsafe.AreSame(ref ring[3], ref ring[3 + 8 * 1000]));
        Assert.False(Unsafe.AreSame(ref ring[3], ref ring[4]));
    }

    [Fact]
    public void EventWithReferences_KeepsThemAliveAcrossCompactingCollections()
    {
        // Such events live in a real T[] (the GC traces it and may move it), not the pinned bytes.
        var ring = new RingBuffer<RefEvent>(16);
        for (long s = 0; s < 16; s++)
            ring[s] = new RefEvent { Text = new string('x', (int)s + 1), Value = s };

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        for (long s = 0; s < 16; s++)
        {
            Assert.Equal(s, ring[s].Value);
            Assert.Equal(new string('x', (int)s + 1), ring[s].Text);
        }
    }
}
