namespace FastMaker.Benchmarks.Venue;

/// <summary>
/// Baseline: the textbook price-time book (SortedDictionary of price to a FIFO of resting orders),
/// matching only: no validation, no ledger, no events. What a first implementation usually looks like.
/// </summary>
public sealed class NaiveSortedBook
{
    private readonly SortedDictionary<int, LinkedList<(long Id, long Size)>> _bids = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<int, LinkedList<(long Id, long Size)>> _asks = new();
    private readonly Dictionary<long, (bool Bid, int Price)> _index = new();

    /// <summary>Matches then rests the remainder; returns the number of fills.</summary>
    public int Submit(long id, bool bid, int price, long size)
    {
        int fills = 0;
        SortedDictionary<int, LinkedList<(long Id, long Size)>> opposite = bid ? _asks : _bids;
        while (size > 0 && opposite.Count > 0)
        {
            KeyValuePair<int, LinkedList<(long Id, long Size)>> best = opposite.First();
            if (bid ? best.Key > price : best.Key < price)
                break;
            LinkedList<(long Id, long Size)> queue = best.Value;
            while (size > 0 && queue.First is { } node)
            {
                long fill = Math.Min(size, node.Value.Size);
                size -= fill;
                fills++;
                if (fill == node.Value.Size)
                {
                    _index.Remove(node.Value.Id);
                    queue.RemoveFirst();
                }
                else
                {
                    node.Value = (node.Value.Id, node.Value.Size - fill);
                }
            }
            if (queue.Count == 0)
                opposite.Remove(best.Key);
        }
        if (size > 0)
        {
            SortedDictionary<int, LinkedList<(long Id, long Size)>> own = bid ? _bids : _asks;
            if (!own.TryGetValue(price, out LinkedList<(long Id, long Size)>? level))
                own[price] = level = new LinkedList<(long Id, long Size)>();
            level.AddLast((id, size));
            _index[id] = (bid, price);
        }
        return fills;
    }

    /// <summary>Removes a resting order.</summary>
    public bool Cancel(long id)
    {
        if (!_index.Remove(id, out (bool Bid, int Price) where))
            return false;
        SortedDictionary<int, LinkedList<(long Id, long Size)>> side = where.Bid ? _bids : _asks;
        LinkedList<(long Id, long Size)> level = side[where.Price];
        for (LinkedListNode<(long Id, long Size)>? n = level.First; n is not null; n = n.Next)
        {
            if (n.Value.Id == id)
            {
                level.Remove(n);
                break;
            }
        }
        if (level.Count == 0)
            side.Remove(where.Price);
        return true;
    }
}
