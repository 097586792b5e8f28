using FastMaker.Engine.Journal;

namespace FastMaker.Engine.Replay;

/// <summary>Loads the frames of a capture file (FORMAT.md) for replay.</summary>
public static class CaptureFrames
{
    /// <summary>Reads every complete record; <paramref name="warning"/> is set when the last record was cut short.</summary>
    public static List<ReplayFrame> ReadFile(string path, out string? warning)
    {
        using var reader = CaptureReader.Open(path);
        var frames = new List<ReplayFrame>();
        while (reader.TryRead(out var record))
        {
            frames.Add(new ReplayFrame(record.ReceiveMs, record.Channel, record.ConnectionId, record.Frame.ToArray()));
        }

        warning = reader.Warning;
        return frames;
    }
}
