namespace FastMaker.Paper.FillModel;

/// <summary>What a <see cref="PaperEvent"/> reports.</summary>
public enum PaperEventKind : byte
{
    /// <summary>The order went live (rests in the simulated queue).</summary>
    Accepted,

    /// <summary>The order was refused when it went live (<see cref="PaperEvent.Reject"/> says why).</summary>
    Rejected,

    /// <summary>A simulated fill of the order.</summary>
    Fill,

    /// <summary>The cancel took effect: the rest of the order is gone.</summary>
    Cancelled,

    /// <summary>The cancel found nothing to cancel (already filled, already cancelled, or not yet live).</summary>
    CancelRefused,
}
