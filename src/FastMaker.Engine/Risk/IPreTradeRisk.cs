using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;

namespace FastMaker.Engine.Risk;

/// <summary>
/// The risk engine as the gate sees it: caps and reservations. The gate calls <see cref="Check"/> for every
/// intent that would add exposure, then <see cref="Reserve"/> for the approved one, atomically on the engine thread.
/// </summary>
public interface IPreTradeRisk
{
    /// <summary>Whether the intent fits every cap and the available (unreserved) balance. Does not change state.</summary>
    /// <returns><see cref="GateRejectReason.None"/>, or the cap or balance reason that refuses it.</returns>
    GateRejectReason Check(in OrderIntent intent);

    /// <summary>Reserves collateral or tokens for an approved intent under the order id it will be sent as.</summary>
    void Reserve(in OrderIntent intent, in FastMaker.Primitives.Hash32 orderId);

    /// <summary>True while the kill switch is on (manual, drawdown or error-rate triggered).</summary>
    bool KillSwitchOn { get; }
}
