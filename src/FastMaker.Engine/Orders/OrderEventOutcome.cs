namespace FastMaker.Engine.Orders;

/// <summary>What the <see cref="OrderTracker"/> did with one input; tests and counters read it.</summary>
public enum OrderEventOutcome : byte
{
    /// <summary>The input changed the order (state, fill, reservation or fill record).</summary>
    Applied = 0,

    /// <summary>Already applied (same state, same size_matched, same trade status): ignored.</summary>
    Duplicate,

    /// <summary>Older than what is already known (a smaller size_matched, a MATCHED after MINED, anything after a terminal state): ignored.</summary>
    Stale,

    /// <summary>The order id is not one of ours (or long forgotten): nothing is created from it.</summary>
    UnknownOrder,

    /// <summary>The input contradicts the order (token, side or price differs): not applied, counted.</summary>
    Mismatch,

    /// <summary>A trade of ours FAILED: its fill was rolled back in positions and reservations.</summary>
    RolledBack,

    /// <summary>The order id was already used: an order is never opened twice.</summary>
    DuplicateOrderId,

    /// <summary>No free order slot.</summary>
    NoCapacity,

    /// <summary>The input is malformed (unknown token or market, zero size, bad price).</summary>
    Invalid,
}
