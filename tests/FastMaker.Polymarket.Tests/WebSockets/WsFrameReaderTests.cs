using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using FastMaker.Polymarket.WebSockets;

namespace FastMaker.Polymarket.Tests.WebSockets;

public sealed class WsFrameReaderTests
{
    private static void WriteChunk(PipeWriter writer, string text, bool end, bool discard = false, int session = 1, long timestamp = 7)
    {
        byte[] payload = Encoding.UTF8.GetBytes(text);
        Span<byte> span = writer.GetSpan(WsFrameHeader.Size + payload.Length);
        WsFrameHeader.Write(span, payload.Length, end, binary: false, discard, session, timestamp);
        payload.CopyTo(span.Slice(WsFrameHeader.Size));
        writer.Advance(WsFrameHeader.Size + payload.Length);
    }

    [Fact]
    public async Task ChunkedMessage_IsReassembledWithoutCopy_AndCarriesSessionAndTimestamp()
    {
        var pipe = new Pipe();
        var reader = new WsFrameReader(pipe.Reader);
        WriteChunk(pipe.Writer, "{\"a\":", end: false);
        WriteChunk(pipe.Writer, "", end: false);
        WriteChunk(pipe.Writer, "1}", end: true, session: 3, timestamp: 99);
        WriteChunk(pipe.Writer, "[]", end: true, session: 3);
        await pipe.Writer.FlushAsync();

        Assert.True(await reader.ReadAsync());
        Assert.True(reader.TryGetFrame(out WsFrame first));
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(first.Payload.ToArray()));
        Assert.Equal(3, first.Session);
        Assert.Equal(99, first.ReceivedTimestamp);
        Assert.True(reader.TryGetFrame(out WsFrame second));
        Assert.Equal("[]", Encoding.UTF8.GetString(second.Payload.ToArray()));
        // The first frame is still valid while both are held.
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(first.Payload.ToArray()));
        Assert.False(reader.TryGetFrame(out _));
    }

    [Fact]
    public async Task DiscardMarker_DropsThePartialMessageBeforeIt()
    {
        var pipe = new Pipe();
        var reader = new WsFrameReader(pipe.Reader);
        WriteChunk(pipe.Writer, "{\"half", end: false);
        WriteChunk(pipe.Writer, "", end: false, discard: true);
        WriteChunk(pipe.Writer, "{\"whole\":1}", end: true, session: 2);
        await pipe.Writer.FlushAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.TryGetFrame(out WsFrame frame));
        Assert.Equal("{\"whole\":1}", Encoding.UTF8.GetString(frame.Payload.ToArray()));
        Assert.Equal(2, frame.Session);
        Assert.False(reader.TryGetFrame(out _));
    }

    [Fact]
    public async Task PartialMessage_IsNotHandedOut_UntilItsLastChunkArrives()
    {
        var pipe = new Pipe();
        var reader = new WsFrameReader(pipe.Reader);
        WriteChunk(pipe.Writer, "{\"x\":", end: false);
        await pipe.Writer.FlushAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.TryGetFrame(out _));
        WriteChunk(pipe.Writer, "2}", end: true);
        await pipe.Writer.FlushAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.TryGetFrame(out WsFrame frame));
        Assert.Equal("{\"x\":2}", Encoding.UTF8.GetString(frame.Payload.ToArray()));
    }

    [Fact]
    public async Task CompletedPipe_WithOnlyAPartialMessage_EndsTheReader()
    {
        var pipe = new Pipe();
        var reader = new WsFrameReader(pipe.Reader);
        WriteChunk(pipe.Writer, "{\"x\":", end: false);
        await pipe.Writer.CompleteAsync();
        Assert.False(await reader.ReadAsync());
        Assert.True(reader.IsCompleted);
    }

    [Fact]
    public void SteadyState_ReadingSingleAndChunkedFrames_AllocatesNothing()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
        var reader = new WsFrameReader(pipe.Reader);
        byte[] header = new byte[WsFrameHeader.Size];
        long total = 0;
        void Round()
        {
            Span<byte> span = pipe.Writer.GetSpan(256);
            WsFrameHeader.Write(span, 10, true, false, false, 1, 1);
            "0123456789"u8.CopyTo(span.Slice(WsFrameHeader.Size));
            pipe.Writer.Advance(WsFrameHeader.Size + 10);
            span = pipe.Writer.GetSpan(256);
            WsFrameHeader.Write(span, 4, false, false, false, 1, 1);
            "abcd"u8.CopyTo(span.Slice(WsFrameHeader.Size));
            WsFrameHeader.Write(span.Slice(WsFrameHeader.Size + 4), 4, true, false, false, 1, 1);
            "efgh"u8.CopyTo(span.Slice(2 * WsFrameHeader.Size + 4));
            pipe.Writer.Advance(2 * WsFrameHeader.Size + 8);
            ValueTask<FlushResult> flush = pipe.Writer.FlushAsync();
            Assert.True(flush.IsCompleted);
            Assert.True(reader.TryRead());
            while (reader.TryGetFrame(out WsFrame frame)) total += frame.Payload.Length;
        }
        for (int i = 0; i < 1000; i++) Round();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) Round();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(11_000 * 18L, total);
        GC.KeepAlive(header);
    }
}
