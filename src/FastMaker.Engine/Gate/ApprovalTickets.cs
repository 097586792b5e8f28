namespace FastMaker.Engine.Gate;

/// <summary>
/// Single-use approval tickets shared by the gate (which issues) and the sign stage (which redeems). Only the most
/// recently issued ticket is redeemable, and only once: approval and signing happen in one call on the engine thread.
/// </summary>
internal sealed class ApprovalTickets
{
    private long _issued;
    private long _outstanding;

    /// <summary>Tickets refused (forged, default or replayed).</summary>
    public long Refused { get; private set; }

    /// <summary>Issues the next ticket; any unredeemed earlier ticket becomes invalid.</summary>
    public long Issue()
    {
        _outstanding = ++_issued;
        return _outstanding;
    }

    /// <summary>True once for the outstanding ticket; false (and counted) for anything else.</summary>
    public bool Redeem(long ticket)
    {
        if (ticket == 0 || ticket != _outstanding)
        {
            Refused++;
            return false;
        }

        _outstanding = 0;
        return true;
    }
}
