using System.Runtime.InteropServices;
using FastMaker.Polymarket.Parsing;

namespace FastMaker.Engine.Pipeline;

/// <summary>
/// The union of every hot inbound payload, overlapping in one block so a ring slot has a fixed size.
/// Every member must stay unmanaged (no references): a test loads the type to prove it.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public struct InboundPayload
{
    /// <summary>Valid for <see cref="InboundKind.BookBegin"/> and <see cref="InboundKind.BookEnd"/>.</summary>
    [FieldOffset(0)] public BookSnapshot Book;

    /// <summary>Valid for <see cref="InboundKind.BookLevel"/>.</summary>
    [FieldOffset(0)] public BookLevel BookLevel;

    /// <summary>Valid for <see cref="InboundKind.PriceChange"/>.</summary>
    [FieldOffset(0)] public PriceChange PriceChange;

    /// <summary>Valid for <see cref="InboundKind.TickSizeChange"/>.</summary>
    [FieldOffset(0)] public TickSizeChange TickSizeChange;

    /// <summary>Valid for <see cref="InboundKind.LastTradePrice"/>.</summary>
    [FieldOffset(0)] public LastTradePrice LastTrade;

    /// <summary>Valid for <see cref="InboundKind.BestBidAsk"/>.</summary>
    [FieldOffset(0)] public BestBidAsk BestBidAsk;

    /// <summary>Valid for <see cref="InboundKind.OrderUpdate"/>.</summary>
    [FieldOffset(0)] public OrderEvent Order;

    /// <summary>Valid for <see cref="InboundKind.Trade"/> and <see cref="InboundKind.TradeEnd"/>.</summary>
    [FieldOffset(0)] public TradeEvent Trade;

    /// <summary>Valid for <see cref="InboundKind.TradeMakerOrder"/>.</summary>
    [FieldOffset(0)] public MakerOrderFill MakerOrder;

    /// <summary>Valid for <see cref="InboundKind.FrameError"/>.</summary>
    [FieldOffset(0)] public FrameError FrameError;

    /// <summary>Valid for <see cref="InboundKind.Timer"/>.</summary>
    [FieldOffset(0)] public TimerTick Timer;

    /// <summary>Valid for <see cref="InboundKind.ConnectionStatus"/>.</summary>
    [FieldOffset(0)] public ConnectionStatusChange Connection;
}
