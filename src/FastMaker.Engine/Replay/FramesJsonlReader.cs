using System.Globalization;
using System.Text;
using System.Text.Json;
using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Replay;

/// <summary>
/// Reads the hand-writable frames format: one JSON object per line,
/// <c>{"ts": unix ms, "channel": "market"|"user", "frame": "the text frame as received"}</c>. Blank lines are skipped.
/// A line that is not such an object throws <see cref="InvalidDataException"/> naming the line.
/// </summary>
public static class FramesJsonlReader
{
    /// <summary>Reads every frame of the file at <paramref name="path"/>.</summary>
    public static List<ReplayFrame> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader);
    }

    /// <summary>Reads every frame from <paramref name="reader"/>.</summary>
    public static List<ReplayFrame> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var frames = new List<ReplayFrame>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            frames.Add(ParseLine(line, lineNumber));
        }

        return frames;
    }

    private static ReplayFrame ParseLine(string line, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw Bad(lineNumber, "not JSON (" + e.Message + ")");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad(lineNumber, "not a JSON object");
            }

            if (!root.TryGetProperty("ts", out var ts) || ts.ValueKind != JsonValueKind.Number || !ts.TryGetInt64(out var receiveMs))
            {
                throw Bad(lineNumber, "\"ts\" must be the receive time as an integer of unix milliseconds");
            }

            if (!root.TryGetProperty("channel", out var channelElement) || channelElement.ValueKind != JsonValueKind.String)
            {
                throw Bad(lineNumber, "\"channel\" must be \"market\" or \"user\"");
            }

            var channel = channelElement.GetString() switch
            {
                "market" => InboundChannel.Market,
                "user" => InboundChannel.User,
                _ => throw Bad(lineNumber, "\"channel\" must be \"market\" or \"user\", not \"" + channelElement.GetString() + "\""),
            };

            if (!root.TryGetProperty("frame", out var frame) || frame.ValueKind != JsonValueKind.String)
            {
                throw Bad(lineNumber, "\"frame\" must be the text frame as a JSON string");
            }

            return new ReplayFrame(receiveMs, channel, 0, Encoding.UTF8.GetBytes(frame.GetString()!));
        }
    }

    private static InvalidDataException Bad(int lineNumber, string why) =>
        new("frames file, line " + lineNumber.ToString(CultureInfo.InvariantCulture) + ": " + why);
}
