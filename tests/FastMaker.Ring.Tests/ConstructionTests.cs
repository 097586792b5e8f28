namespace FastMaker.Ring.Tests;

public class ConstructionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-8)]
    public void RingBuffer_NonPositiveSize_ThrowsSayingMustBePositive(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RingBuffer<TestEvent>(size));
        Assert.Equal("bufferSize", error.ParamName);
        Assert.Contains("must be positive", error.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1000)]
    public void RingBuffer_SizeNotPowerOfTwo_ThrowsSayingPowerOfTwo(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RingBuffer<TestEvent>(size));
        Assert.Contains("must be a power of 2", error.Message);
        Assert.Contains(size.ToString(), error.Message);
    }

    [Fact]
    public void Sequencer_And_Disruptor_ValidateSizeToo()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SingleProducerSequencer(6, new BlockingWaitStrategy()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Disruptor<TestEvent>(0));
        Assert.Throws<ArgumentNullException>(() => new SingleProducerSequencer(8, null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12)]
    public void MpscQueue_BadCapacity_Throws(int capacity)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MpscQueue<int>(capacity));
        Assert.Equal("capacity", error.ParamName);
    }

    [Fact]
    public void RingBuffer_OfSizeOne_Works()
    {
        var ring = new RingBuffer<TestEvent>(1);
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);
        long s = ring.Next();
        ring[s].Value = 42;
        ring.Publish(s);
        Assert.False(ring.TryNext(out _));
        consumer.SetValue(s);
        Assert.True(ring.TryNext(out long s2));
        Assert.Equal(42, ring[s2].Value); // same slot, not yet rewritten
    }

    [Fact]
    public void SleepingWaitStrategy_NegativeArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SleepingWaitStrategy(retries: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SleepingWaitStrategy(sleepMilliseconds: -1));
    }
}
