using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FastMaker.Engine.Replay;

/// <summary>Renders a <see cref="ReplayReport"/> as one JSON object or as text for people. Deterministic: same report, same bytes.</summary>
public static class ReplayReportWriter
{
    /// <summary>
    /// The JSON form: <c>frames</c>, <c>books</c> (asset id -> <c>tick_size</c>, <c>trusted</c>, <c>bids</c> and <c>asks</c> as
    /// [price, size] decimal strings, best first), <c>events</c> (counts by kind), <c>errors</c>, <c>warnings</c>,
    /// <c>unknown_token_events</c>, <c>intents</c> and <c>intents_hash</c>.
    /// </summary>
    public static void WriteJson(ReplayReport report, Stream output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented });
        json.WriteStartObject();
        json.WriteNumber("frames", report.Frames);
        json.WriteStartObject("books");
        foreach (var book in report.Books)
        {
            json.WriteStartObject(book.AssetId);
            if (book.TickSize is { } tick)
            {
                json.WriteString("tick_size", tick.Value.ToString());
            }
            else
            {
                json.WriteNull("tick_size");
            }

            json.WriteBoolean("trusted", book.Trusted);
            WriteLevels(json, "bids", book.Bids);
            WriteLevels(json, "asks", book.Asks);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("events");
        foreach (var (kind, count) in report.Events)
        {
            json.WriteNumber(kind.ToString(), count);
        }

        json.WriteEndObject();
        json.WriteStartArray("errors");
        foreach (var error in report.Errors)
        {
            json.WriteStartObject();
            json.WriteNumber("frame", error.Frame);
            json.WriteNumber("ts", error.ReceiveMs);
            json.WriteString("reason", error.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteNumber("unknown_token_events", report.UnknownTokenEvents);
        json.WriteNumber("intents", report.IntentCount);
        json.WriteString("intents_hash", report.IntentsHash);
        json.WriteEndObject();
    }

    /// <summary>The text form: per token the best bid/ask and depth, then event counts, errors and intents.</summary>
    public static string ToText(ReplayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"frames: {report.Frames}\n");
        text.Append("books:\n");
        foreach (var book in report.Books)
        {
            var bid = book.Bids.Count > 0 ? book.Bids[0].Size + " @ " + book.Bids[0].Price : "-";
            var ask = book.Asks.Count > 0 ? book.Asks[0].Size + " @ " + book.Asks[0].Price : "-";
            text.Append(c, $"  {book.AssetId}\n    tick {(book.TickSize is { } t ? t.Value.ToString() : "unknown")}")
                .Append(book.Trusted ? "" : " (untrusted)")
                .Append(c, $"  best bid {bid}  best ask {ask}  depth {book.Bids.Count} bid / {book.Asks.Count} ask levels\n");
        }

        text.Append("events:\n");
        foreach (var (kind, count) in report.Events)
        {
            text.Append(c, $"  {kind,-16} {count}\n");
        }

        text.Append(c, $"errors: {report.Errors.Count}\n");
        foreach (var error in report.Errors)
        {
            text.Append(c, $"  frame {error.Frame} (ts {error.ReceiveMs}): {error.Reason}\n");
        }

        foreach (var warning in report.Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }

        if (report.UnknownTokenEvents > 0)
        {
            text.Append(c, $"events for unknown tokens: {report.UnknownTokenEvents}\n");
        }

        text.Append(c, $"intents: {report.IntentCount}  hash {report.IntentsHash}\n");
        return text.ToString();
    }

    private static void WriteLevels(Utf8JsonWriter json, string name, IReadOnlyList<(Primitives.Price Price, Primitives.Quantity Size)> levels)
    {
        json.WriteStartArray(name);
        foreach (var (price, size) in levels)
        {
            json.WriteStartArray();
            json.WriteStringValue(price.ToString());
            json.WriteStringValue(size.ToString());
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
