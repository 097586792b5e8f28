using System.Buffers;
using System.Text;
using FastMaker.Engine.Journal;
using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Tests.Journal;

/// <summary>The capture format: written by the journal thread, read back and validated.</summary>
public sealed class JournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-journal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static List<CaptureRecord> ReadAll(string path, out string? warning)
    {
        using var reader = CaptureReader.Open(path);
        var records = new List<CaptureRecord>();
        while (reader.TryRead(out var record))
        {
            records.Add(new CaptureRecord(record.ReceiveMs, record.Channel, record.ConnectionId, record.Frame.ToArray(), record.Offset));
        }

        warning = reader.Warning;
        return records;
    }

    [Fact]
    public void FramesAppended_ReadBackExactly_WithTimeChannelAndConnection()
    {
        var path = PathOf("a.fmcap");
        using (var journal = FrameJournal.Create(path, createdUnixMs: 42))
        {
            for (var i = 0; i < 1_000; i++)
            {
                var bytes = Encoding.UTF8.GetBytes("{\"n\":" + i + "}");
                journal.Append(1_000 + i, i % 3 == 0 ? InboundChannel.User : InboundChannel.Market, (short)(i % 5), new ReadOnlySequence<byte>(bytes));
            }
        }

        var records = ReadAll(path, out var warning);
        Assert.Null(warning);
        Assert.Equal(1_000, records.Count);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(1_000 + i, records[i].ReceiveMs);
            Assert.Equal(i % 3 == 0 ? InboundChannel.User : InboundChannel.Market, records[i].Channel);
            Assert.Equal(i % 5, records[i].ConnectionId);
            Assert.Equal("{\"n\":" + i + "}", Encoding.UTF8.GetString(records[i].Frame.Span));
        }
    }

    [Fact]
    public void FrameLargerThanTheRing_StreamsThroughInPieces_AndMultiSegmentFramesAreJoined()
    {
        var path = PathOf("big.fmcap");
        var big = new byte[20_000];
        new Random(7).NextBytes(big);
        var segmented = Segmented(Encoding.UTF8.GetBytes("hello "), Encoding.UTF8.GetBytes("world"));
        using (var journal = new FrameJournal(File.Create(path), 0, ringBytes: 4096))
        {
            journal.Append(1, InboundChannel.Market, 0, new ReadOnlySequence<byte>(big));
            journal.Append(2, InboundChannel.Market, 0, segmented);
            Assert.True(journal.FullRingWaits > 0);
        }

        var records = ReadAll(path, out _);
        Assert.Equal(2, records.Count);
        Assert.Equal(big, records[0].Frame.ToArray());
        Assert.Equal("hello world", Encoding.UTF8.GetString(records[1].Frame.Span));
    }

    [Theory]
    [InlineData(1)]   // inside the last frame
    [InlineData(10)]  // inside the last frame
    [InlineData(17)]  // inside the last record's header
    public void TruncatedLastRecord_IsACleanEndWithAWarning(int cut)
    {
        var path = PathOf("cut.fmcap");
        using (var journal = FrameJournal.Create(path, 0))
        {
            journal.Append(1, InboundChannel.Market, 0, new ReadOnlySequence<byte>("first"u8.ToArray()));
            journal.Append(2, InboundChannel.Market, 0, new ReadOnlySequence<byte>("second-frame"u8.ToArray()));
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^cut]);

        var records = ReadAll(path, out var warning);
        var only = Assert.Single(records);
        Assert.Equal("first", Encoding.UTF8.GetString(only.Frame.Span));
        Assert.NotNull(warning);
        Assert.Contains("cut short", warning);
    }

    [Fact]
    public void NotACapture_IsRejectedWithAClearError()
    {
        var path = PathOf("x.jsonl");
        File.WriteAllText(path, "{\"ts\":1,\"channel\":\"market\",\"frame\":\"PONG\"}\n");
        var error = Assert.Throws<InvalidDataException>(() => CaptureReader.Open(path));
        Assert.Contains("FMCP", error.Message);

        File.WriteAllBytes(path, [0x46, 0x4D]);
        Assert.Contains("shorter than the 16-byte header", Assert.Throws<InvalidDataException>(() => CaptureReader.Open(path)).Message);
    }

    [Fact]
    public void UnknownVersion_IsRejected()
    {
        var header = new byte[16];
        CaptureFormat.WriteFileHeader(header, 0);
        header[4] = 9;
        var error = Assert.Throws<InvalidDataException>(() => new CaptureReader(new MemoryStream(header)));
        Assert.Contains("version 9", error.Message);
    }

    [Fact]
    public void CorruptRecordHeader_IsAnErrorWithItsOffset()
    {
        var file = new byte[16 + 16 + 4];
        CaptureFormat.WriteFileHeader(file, 0);
        CaptureFormat.WriteRecordHeader(file.AsSpan(16), 1, channel: 7, connectionId: 0, length: 4);
        using var reader = new CaptureReader(new MemoryStream(file));
        var error = Assert.Throws<InvalidDataException>(() => reader.TryRead(out _));
        Assert.Contains("byte 16", error.Message);
        Assert.Contains("unknown channel 7", error.Message);
    }

    [Fact]
    public void WriteFailure_IsSurfacedOnDispose_AndLaterFramesAreCountedAsDropped()
    {
        var stream = new FailingStream();
        var journal = new FrameJournal(stream, 0, pollMilliseconds: 1);
        journal.Append(1, InboundChannel.Market, 0, new ReadOnlySequence<byte>("x"u8.ToArray()));
        SpinWait.SpinUntil(() => journal.Fault is not null, TimeSpan.FromSeconds(10));
        journal.Append(2, InboundChannel.Market, 0, new ReadOnlySequence<byte>("y"u8.ToArray()));
        Assert.Equal(1, journal.FramesDropped);
        var error = Assert.Throws<IOException>(journal.Dispose);
        Assert.Contains("disk full", error.Message);
    }

    private static ReadOnlySequence<byte> Segmented(byte[] first, byte[] second)
    {
        var head = new Segment(first, 0);
        var tail = new Segment(second, first.Length);
        head.SetNext(tail);
        return new ReadOnlySequence<byte>(head, 0, tail, second.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }

    private sealed class FailingStream : MemoryStream
    {
        // The first write is the file header; every later write fails.
        private int _writes;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_writes++ > 0)
            {
                throw new IOException("disk full");
            }

            base.Write(buffer.ToArray(), 0, buffer.Length);
        }
    }
}
