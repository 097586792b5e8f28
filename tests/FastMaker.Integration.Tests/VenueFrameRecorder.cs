using System.Globalization;
using System.Text;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Replay;
using FastMaker.Primitives;
using FastMaker.Venue.Flow;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Scenarios;
using BookSnapshot = FastMaker.Venue.Matching.BookSnapshot;
using TickSizeChange = FastMaker.Venue.Matching.TickSizeChange;

namespace FastMaker.Integration.Tests;

/// <summary>
/// Runs a venue scenario (the venue core's <see cref="ScenarioRunner"/> on a stepped clock) and renders what its matching
/// engine announces as market-channel frames in the wire's shapes: a <c>book</c> per token first, then one
/// <c>price_change</c> per level change (with the token's best bid/ask) and <c>tick_size_change</c>s. Trades, order and
/// user-channel events are not rendered. Frames carry the venue's own timestamps as their receive time.
/// </summary>
internal sealed class VenueFrameRecorder : IExchangeEvents
{
    private bool _recording;

    private VenueFrameRecorder()
    {
    }

    public List<ReplayFrame> Frames { get; } = new();

    public ScenarioRunner Runner { get; private set; } = null!;

    /// <summary>Starts <paramref name="scenario"/> and records the initial books.</summary>
    public static VenueFrameRecorder Start(string scenario)
    {
        var recorder = new VenueFrameRecorder();
        var loaded = ScenarioLoader.LoadBuiltIn(scenario);
        recorder.Runner = ScenarioRunner.Create(loaded, new SteppedTimeProvider(loaded.Start), recorder);
        foreach (var snapshot in recorder.Snapshots())
        {
            recorder.Add(snapshot.TimestampMs, BookFrame(snapshot));
        }

        recorder._recording = true;
        return recorder;
    }

    /// <summary>The venue's current books, per token, in market order (YES then NO).</summary>
    public List<BookSnapshot> Snapshots()
    {
        var books = new List<BookSnapshot>();
        foreach (var market in Runner.Engine.Markets)
        {
            books.Add(Runner.Engine.GetBook(market.YesToken)!);
            books.Add(Runner.Engine.GetBook(market.NoToken)!);
        }

        return books;
    }

    public static byte[] BookFrame(BookSnapshot book)
    {
        var s = new StringBuilder();
        s.Append("{\"event_type\":\"book\",\"market\":\"").Append(book.Market).Append("\",\"asset_id\":\"").Append(book.AssetId)
            .Append("\",\"timestamp\":\"").Append(book.TimestampMs.ToString(CultureInfo.InvariantCulture))
            .Append("\",\"hash\":\"0000000000000000000000000000000000000000\",\"tick_size\":\"").Append(book.TickSize.Value).Append("\",\"bids\":[");
        // The wire lists both sides worst first.
        for (var i = book.Bids.Length - 1; i >= 0; i--)
        {
            Level(s, book.Bids[i], i == 0);
        }

        s.Append("],\"asks\":[");
        for (var i = book.Asks.Length - 1; i >= 0; i--)
        {
            Level(s, book.Asks[i], i == 0);
        }

        s.Append("]}");
        return Encoding.UTF8.GetBytes(s.ToString());

        static void Level(StringBuilder s, FastMaker.Venue.Matching.BookLevel level, bool last)
        {
            s.Append("{\"price\":\"").Append(level.Price).Append("\",\"size\":\"").Append(level.Size).Append("\"}");
            if (!last)
            {
                s.Append(',');
            }
        }
    }

    public void OnBookLevel(in BookLevelChange change)
    {
        if (!_recording)
        {
            return;
        }

        var frame = "{\"event_type\":\"price_change\",\"market\":\"" + change.Market + "\",\"timestamp\":\"" +
                    change.TimestampMs.ToString(CultureInfo.InvariantCulture) + "\",\"price_changes\":[{\"asset_id\":\"" + change.AssetId +
                    "\",\"price\":\"" + change.Price + "\",\"size\":\"" + change.Size + "\",\"side\":\"" + (change.Side == Side.Buy ? "BUY" : "SELL") +
                    "\",\"hash\":\"0000000000000000000000000000000000000000\",\"best_bid\":\"" + change.BestBid + "\",\"best_ask\":\"" + change.BestAsk + "\"}]}";
        Add(change.TimestampMs, Encoding.UTF8.GetBytes(frame));
    }

    public void OnTickSizeChange(in TickSizeChange change)
    {
        if (!_recording)
        {
            return;
        }

        var frame = "{\"event_type\":\"tick_size_change\",\"asset_id\":\"" + change.AssetId + "\",\"market\":\"" + change.Market +
                    "\",\"old_tick_size\":\"" + change.OldTickSize.Value + "\",\"new_tick_size\":\"" + change.NewTickSize.Value +
                    "\",\"timestamp\":\"" + change.TimestampMs.ToString(CultureInfo.InvariantCulture) + "\"}";
        Add(change.TimestampMs, Encoding.UTF8.GetBytes(frame));
    }

    public void OnTrade(TradeRecord trade)
    {
    }

    public void OnOrder(in OrderEvent orderEvent)
    {
    }

    public void OnTradeStatus(in TradeStatusChange change)
    {
    }

    public void OnMarketResolved(in MarketResolved resolved)
    {
    }

    public event Action<ReplayFrame>? FrameRecorded;

    private void Add(long receiveMs, byte[] frame)
    {
        var recorded = new ReplayFrame(receiveMs, InboundChannel.Market, 0, frame);
        Frames.Add(recorded);
        FrameRecorded?.Invoke(recorded);
    }
}
