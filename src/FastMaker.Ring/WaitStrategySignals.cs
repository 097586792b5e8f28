namespace FastMaker.Ring;

/// <summary>Which wait strategies need <see cref="IWaitStrategy.SignalAllWhenBlocking"/> at all.</summary>
internal static class WaitStrategySignals
{
    /// <summary>
    /// False for our polling strategies, whose signal is a no-op: publishers and processors then skip
    /// the interface call on every publish and batch. True for blocking and for any unknown strategy.
    /// </summary>
    public static bool Needed(IWaitStrategy waitStrategy)
        => waitStrategy is not (BusySpinWaitStrategy or YieldingWaitStrategy or SleepingWaitStrategy);
}
