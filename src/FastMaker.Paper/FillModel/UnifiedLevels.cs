namespace FastMaker.Paper.FillModel;

/// <summary>
/// One market's unified (YES) book as the model sees it: displayed size per price on the 0.0001 grid for bids and
/// asks (NO levels mapped to 1 - q), plus the bookkeeping that matches prints with the decreases they cause, and the
/// slots of our orders in the market. Indexed by <c>side * Levels + level</c>, side 0 = bid, 1 = ask.
/// </summary>
internal sealed class UnifiedLevels
{
    /// <summary>Price steps of 0.0001 from 0 to 1 inclusive.</summary>
    public const int Levels = 10_001;

    public readonly long[] Size = new long[2 * Levels];

    // Shares our own taker orders took from the displayed level since its size last changed (no double use).
    public readonly long[] Taken = new long[2 * Levels];

    // Printed shares whose size decrease has not arrived yet, and when the last print came.
    public readonly long[] PrintCredit = new long[2 * Levels];
    public readonly long[] PrintMs = new long[2 * Levels];

    // Decreases no print explained (yet), and when the last came.
    public readonly long[] Unexplained = new long[2 * Levels];
    public readonly long[] UnexplainedMs = new long[2 * Levels];

    // Snapshot generation that last set the level (levels a snapshot omits are removed).
    public readonly int[] Seen = new int[2 * Levels];
    public int Generation;

    public readonly int[] Orders;
    public int OrderCount;

    public UnifiedLevels(int orderCapacity)
    {
        Orders = new int[orderCapacity];
        PrintMs.AsSpan().Fill(long.MinValue / 2);
        UnexplainedMs.AsSpan().Fill(long.MinValue / 2);
    }

    public static int Index(bool bid, int level) => (bid ? 0 : Levels) + level;

    public void AddOrder(int slot) => Orders[OrderCount++] = slot;

    public void RemoveOrder(int slot)
    {
        for (int i = 0; i < OrderCount; i++)
        {
            if (Orders[i] == slot)
            {
                // Keep arrival order: FIFO among our own orders relies on it only through Sequence, but stable is simpler to reason about.
                Array.Copy(Orders, i + 1, Orders, i, OrderCount - i - 1);
                OrderCount--;
                return;
            }
        }
    }

    /// <summary>
    /// True when the opposite side shows size at or through <paramref name="level"/> for an order on
    /// <paramref name="bid"/>, not counting what our own taker orders already took.
    /// </summary>
    public bool Crosses(bool bid, int level)
    {
        if (bid)
        {
            for (int l = 1; l <= level; l++) if (Size[Levels + l] > Taken[Levels + l]) return true;
        }
        else
        {
            for (int l = Levels - 2; l >= level; l--) if (Size[l] > Taken[l]) return true;
        }

        return false;
    }
}
