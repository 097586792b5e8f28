using FastMaker.Engine.Orders;
using FastMaker.Primitives;

namespace FastMaker.Engine.Gate;

/// <summary>Our working orders as the gate needs them: is a cancel or replace target known?</summary>
public interface IOrderLookup
{
    /// <summary>Finds one of our working orders by id (the EIP-712 order hash).</summary>
    bool TryGetLive(in Hash32 orderId, out LiveOrderView order);
}
