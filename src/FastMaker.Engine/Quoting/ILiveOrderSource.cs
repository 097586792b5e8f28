using FastMaker.Engine.Orders;

namespace FastMaker.Engine.Quoting;

/// <summary>Our working orders, as the order stage knows them; the differ's input.</summary>
public interface ILiveOrderSource
{
    /// <summary>Copies the live orders of a token into <paramref name="destination"/>; returns how many were written.</summary>
    int CopyLiveOrders(int tokenIndex, Span<LiveOrderView> destination);
}
