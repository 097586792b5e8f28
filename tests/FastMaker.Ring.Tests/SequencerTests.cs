namespace FastMaker.Ring.Tests;

public class SequencerTests
{
    private static (RingBuffer<TestEvent> Ring, Sequence Consumer) NewGatedRing(int size)
    {
        var ring = new RingBuffer<TestEvent>(size);
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);
        return (ring, consumer);
    }

    [Fact]
    public void TryNext_PastCapacity_ReturnsFalse_AndLeavesSequencesIntact()
    {
        var (ring, consumer) = NewGatedRing(8);
        Assert.True(ring.TryNext(8, out long hi));
        Assert.Equal(7, hi);
        ring.Publish(0, 7);

        Assert.False(ring.TryNext(out long none));
        Assert.Equal(-1, none);
        Assert.False(ring.TryNext(3, out _));
        Assert.Equal(7, ring.Cursor);
        Assert.Equal(0, ring.RemainingCapacity);

        consumer.SetValue(2); // three slots freed
        Assert.False(ring.TryNext(4, out _));
        Assert.True(ring.TryNext(3, out long next));
        Assert.Equal(10, next);
        Assert.Equal(0, ring.RemainingCapacity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(9)]
    public void Next_WithBatchOutsideOneToSize_ThrowsWithoutClaiming(int n)
    {
        var (ring, _) = NewGatedRing(8);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ring.Next(n));
        Assert.Contains("between 1 and the buffer size (8)", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.TryNext(n, out _));
        Assert.Equal(0, ring.Next()); // nothing was claimed by the bad calls
    }

    [Fact]
    public void Publish_UnclaimedOrTwiceOrOutOfOrder_Throws_AndCursorStays()
    {
        var (ring, _) = NewGatedRing(8);
        Assert.Throws<InvalidOperationException>(() => ring.Publish(0)); // not claimed
        long hi = ring.Next(4);
        ring.Publish(0, 1);
        Assert.Throws<InvalidOperationException>(() => ring.Publish(1));    // twice
        Assert.Throws<InvalidOperationException>(() => ring.Publish(3, 3)); // gap: 2 not published
        Assert.Throws<InvalidOperationException>(() => ring.Publish(2, 5)); // beyond the claim
        Assert.Equal(1, ring.Cursor);
        ring.Publish(2, hi);
        Assert.Equal(3, ring.Cursor);
    }

    [Fact]
    public void BatchClaim_AcrossTheRingsEdge_WrapsSlotsAndKeepsSequences()
    {
        var (ring, consumer) = NewGatedRing(8);
        long first = ring.Next(6);
        for (long s = first - 5; s <= first; s++)
            ring[s].Value = s;
        ring.Publish(first - 5, first);
        consumer.SetValue(first);

        // 6..11 crosses the edge: slots 6,7,0,1,2,3.
        long hi = ring.Next(6);
        Assert.Equal(11, hi);
        for (long s = 6; s <= hi; s++)
            ring[s].Value = s * 10;
        ring.Publish(6, hi);

        Assert.True(System.Runtime.CompilerServices.Unsafe.AreSame(ref ring[0], ref ring[8]));
        Assert.Equal(80, ring[0].Value);
        Assert.Equal(110, ring[3].Value);
        Assert.Equal(4, ring[4].Value); // outside the new claim: untouched
        Assert.Equal(11, ring.Cursor);
        Assert.Equal(2, ring.RemainingCapacity);

        // A full-size batch right at the edge needs every slot freed.
        Assert.False(ring.TryNext(8, out _));
        consumer.SetValue(11);
        Assert.True(ring.TryNext(8, out long full));
        Assert.Equal(19, full);
    }

    [Fact]
    public void Next_WhenFull_BlocksUntilTheConsumerFreesASlot_NeverOverwrites()
    {
        var (ring, consumer) = NewGatedRing(4);
        for (int i = 0; i < 4; i++)
        {
            long s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
        }

        var claimed = new ManualResetEventSlim();
        long fifth = -1;
        var producer = Wait.Start(() =>
        {
            fifth = ring.Next();
            claimed.Set();
        }, "producer");

        // The producer must stay blocked while the consumer holds every slot.
        Assert.False(claimed.Wait(200));
        Assert.Equal(0, ring[0].Value);

        consumer.SetValue(0);
        Assert.True(claimed.Wait(Wait.Deadline));
        Wait.Join(producer);
        Assert.Equal(4, fifth);
    }

    [Fact]
    public void AddGatingSequence_ToARunningRing_StartsAfterThePublishedCursor()
    {
        var ring = new RingBuffer<TestEvent>(8);
        for (int i = 0; i < 5; i++)
            ring.Publish(ring.Next());
        var late = new Sequence();
        ring.AddGatingSequences(late);
        Assert.Equal(4, late.Value);
        Assert.True(ring.RemoveGatingSequence(late));
        Assert.False(ring.RemoveGatingSequence(late));
    }
}
