using System.Buffers.Text;
using System.Net.Sockets;

namespace FastMaker.Cli.VenueLoad;

/// <summary>
/// Reads one HTTP/1.1 response from a blocking socket into a reusable buffer: status code, then the body framed by
/// Content-Length or chunked encoding. Just enough HTTP for a load generator talking to Kestrel; bytes past the
/// response (none without pipelining) are kept for the next read.
/// </summary>
internal sealed class HttpResponseReader
{
    private readonly Socket _socket;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    public HttpResponseReader(Socket socket, int bufferBytes = 64 * 1024)
    {
        _socket = socket;
        _buffer = new byte[bufferBytes];
    }

    /// <summary>The status code and the body of the response (valid until the next call); false when the peer closed.</summary>
    public bool TryRead(out int status, out ReadOnlySpan<byte> body)
    {
        status = 0;
        body = default;
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
            if (!Fill()) return false;
        var head = _buffer.AsSpan(_start, headerEnd);
        // "HTTP/1.1 200 OK": the code is bytes 9..11.
        if (head.Length < 12 || !Utf8Parser.TryParse(head.Slice(9, 3), out status, out _)) throw new InvalidDataException("bad status line");
        int bodyStart = _start + headerEnd + 4;
        long length = HeaderValue(head, "content-length"u8, out var lengthText) && Utf8Parser.TryParse(lengthText, out long l, out _) ? l : -1;
        if (length >= 0)
        {
            while (_end - bodyStart < length)
                if (!FillKeeping(ref bodyStart)) return false;
            body = _buffer.AsSpan(bodyStart, (int)length);
            _start = bodyStart + (int)length;
            Compact();
            return true;
        }
        if (!HeaderValue(head, "transfer-encoding"u8, out var te) || !te.SequenceEqual("chunked"u8))
            throw new InvalidDataException("response without Content-Length or chunked encoding");
        return TryReadChunked(bodyStart, out body);
    }

    // Chunks are copied together in place (each move is leftwards), so the body ends up contiguous.
    private bool TryReadChunked(int bodyStart, out ReadOnlySpan<byte> body)
    {
        body = default;
        int write = bodyStart, read = bodyStart;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _buffer.AsSpan(read, _end - read).IndexOf("\r\n"u8)) < 0)
                if (!FillKeeping(ref bodyStart, ref write, ref read)) return false;
            if (!Utf8Parser.TryParse(_buffer.AsSpan(read, lineEnd), out int size, out _, 'x')) throw new InvalidDataException("bad chunk size");
            read += lineEnd + 2;
            while (_end - read < size + 2)
                if (!FillKeeping(ref bodyStart, ref write, ref read)) return false;
            if (size == 0)
            {
                body = _buffer.AsSpan(bodyStart, write - bodyStart);
                _start = read + 2;
                Compact();
                return true;
            }
            _buffer.AsSpan(read, size).CopyTo(_buffer.AsSpan(write));
            write += size;
            read += size + 2;
        }
    }

    private static bool HeaderValue(ReadOnlySpan<byte> head, ReadOnlySpan<byte> lowerName, out ReadOnlySpan<byte> value)
    {
        value = default;
        while (head.Length > 0)
        {
            int eol = head.IndexOf("\r\n"u8);
            var line = eol < 0 ? head : head.Slice(0, eol);
            head = eol < 0 ? default : head.Slice(eol + 2);
            int colon = line.IndexOf((byte)':');
            if (colon != lowerName.Length) continue;
            bool match = true;
            for (int i = 0; i < colon && match; i++) match = (byte)(line[i] | 0x20) == lowerName[i];
            if (!match) continue;
            value = line.Slice(colon + 1).Trim((byte)' ');
            return true;
        }
        return false;
    }

    private void Compact()
    {
        if (_start == _end) _start = _end = 0;
    }

    private bool Fill()
    {
        if (_end == _buffer.Length)
        {
            if (_start == 0) throw new InvalidDataException("response larger than the buffer");
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        int n = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        if (n == 0) return false;
        _end += n;
        return true;
    }

    private bool FillKeeping(ref int a)
    {
        int before = _start;
        bool ok = Fill();
        a -= before - _start;
        return ok;
    }

    private bool FillKeeping(ref int a, ref int b, ref int c)
    {
        int before = _start;
        bool ok = Fill();
        int moved = before - _start;
        a -= moved;
        b -= moved;
        c -= moved;
        return ok;
    }
}
