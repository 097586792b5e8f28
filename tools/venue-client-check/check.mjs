// Drives the official Polymarket TypeScript client (@polymarket/clob-client-v2, pinned in package.json)
// against a running FastMaker venue and prints one JSON object per step on stdout:
//   {"step":"<name>","ok":true|false, ...what was observed}
// and a last line {"step":"done","ok":<all steps ok>,"passed":N,"failed":M}. Exit code 0 only if every step passed.
//
// Environment (the private key never comes from the command line):
//   VENUE_CLOB_URL      CLOB base URL, e.g. http://127.0.0.1:5123
//   VENUE_PRIVATE_KEY   0x-prefixed secp256k1 key of an account the venue funds (or funds on key creation)
//   VENUE_TOKEN_ID      a YES token id of an empty, open market with tick 0.01 and minimum size 5
//   VENUE_CHAIN_ID      chain id the venue verifies signatures against (default 137)
//
// Run: cd tools/venue-client-check && npm ci && node check.mjs
import { Wallet } from "@ethersproject/wallet";
import { ClobClient, OrderType, Side, ApiError, AssetType } from "@polymarket/clob-client-v2";

const host = requireEnv("VENUE_CLOB_URL");
const key = requireEnv("VENUE_PRIVATE_KEY");
const tokenID = requireEnv("VENUE_TOKEN_ID");
const chain = Number(process.env.VENUE_CHAIN_ID ?? "137");

const wallet = new Wallet(key);
const results = [];

function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.log(JSON.stringify({ step: "environment", ok: false, error: `${name} is not set` }));
    process.exit(2);
  }
  return value;
}

function report(step, ok, details) {
  const line = { step, ok: Boolean(ok), ...details };
  results.push(line);
  console.log(JSON.stringify(line));
  return ok;
}

/** Runs one step; an exception is a failed step with its message, never the end of the run. */
async function step(name, fn) {
  try {
    const { ok, ...details } = await fn();
    return report(name, ok, details);
  } catch (e) {
    return report(name, false, { exception: String(e?.message ?? e), status: e?.status });
  }
}

/** Runs a call that the venue must refuse; returns the ApiError's text and HTTP status. */
async function refusal(fn) {
  try {
    const value = await fn();
    return { refused: false, value };
  } catch (e) {
    if (e instanceof ApiError) return { refused: true, error: e.message, status: e.status };
    throw e;
  }
}

const hash32 = /^0x[0-9a-f]{64}$/;
const base = new ClobClient({ host, chain, signer: wallet, throwOnError: true });

let creds;
await step("version", async () => {
  const version = await base.getVersion();
  return { ok: version === 2, version };
});

await step("server_time", async () => {
  const t = await base.getServerTime();
  const now = Math.floor(Date.now() / 1000);
  return { ok: typeof t === "number" && Math.abs(t - now) <= 60, serverTime: t };
});

await step("create_api_key", async () => {
  creds = await base.createApiKey();
  return { ok: Boolean(creds.key && creds.secret && creds.passphrase), apiKey: creds.key };
});

await step("derive_api_key", async () => {
  const derived = await base.deriveApiKey();
  const same = derived.key === creds?.key && derived.secret === creds?.secret && derived.passphrase === creds?.passphrase;
  return { ok: same, apiKey: derived.key };
});

const client = new ClobClient({ host, chain, signer: wallet, creds, throwOnError: true });

await step("tick_size_and_neg_risk", async () => {
  const tickSize = await client.getTickSize(tokenID);
  const negRisk = await client.getNegRisk(tokenID);
  return { ok: tickSize === "0.01" && negRisk === false, tickSize, negRisk };
});

await step("fee_info_via_market_by_token", async () => {
  // Resolves the condition id through /markets-by-token, then reads /clob-markets (what createMarketOrder does).
  const exponent = await client.getFeeExponent(tokenID);
  return { ok: typeof exponent === "number" && client.tokenConditionMap[tokenID]?.startsWith("0x") === true, exponent, conditionId: client.tokenConditionMap[tokenID] };
});

const posted = [];
await step("post_order_gtc_post_only", async () => {
  const r = await client.createAndPostOrder({ tokenID, price: 0.4, size: 10, side: Side.BUY }, undefined, OrderType.GTC, true);
  if (r?.orderID) posted.push(r.orderID);
  return { ok: r?.success === true && hash32.test(r.orderID ?? "") && r.status === "live" && r.errorMsg === "", response: r };
});

await step("post_order_gtc", async () => {
  const r = await client.createAndPostOrder({ tokenID, price: 0.39, size: 20, side: Side.BUY }, undefined, OrderType.GTC);
  if (r?.orderID) posted.push(r.orderID);
  return { ok: r?.success === true && hash32.test(r.orderID ?? "") && r.status === "live", response: r };
});

await step("post_orders_batch", async () => {
  const a = await client.createOrder({ tokenID, price: 0.38, size: 5, side: Side.BUY });
  const b = await client.createOrder({ tokenID, price: 0.37, size: 6.5, side: Side.BUY });
  const r = await client.postOrders([{ order: a, orderType: OrderType.GTC }, { order: b, orderType: OrderType.GTC }], true);
  const ok = Array.isArray(r) && r.length === 2 && r.every(x => x.success === true && hash32.test(x.orderID ?? "") && x.status === "live");
  if (ok) for (const x of r) posted.push(x.orderID);
  return { ok, response: r };
});

await step("get_order_book", async () => {
  const book = await client.getOrderBook(tokenID);
  const bids = (book.bids ?? []).map(l => [l.price, l.size]);
  // /book lists bids worst to best, like the reference; our four bids are the whole book.
  const expected = [["0.37", "6.5"], ["0.38", "5"], ["0.39", "20"], ["0.4", "10"]];
  const ok = book.asset_id === tokenID && JSON.stringify(bids) === JSON.stringify(expected) && (book.asks ?? []).length === 0
    && typeof book.hash === "string" && book.tick_size === "0.01" && book.min_order_size === "5";
  return { ok, asset_id: book.asset_id, bids, asks: book.asks, tick_size: book.tick_size, min_order_size: book.min_order_size, neg_risk: book.neg_risk };
});

await step("get_open_orders", async () => {
  const open = await client.getOpenOrders({ asset_id: tokenID });
  const ids = open.map(o => o.id).sort();
  const mine = open.find(o => o.id === posted[0]);
  const ok = JSON.stringify(ids) === JSON.stringify([...posted].sort()) && mine?.status === "LIVE" && mine?.side === "BUY"
    && Number(mine?.price) === 0.4 && Number(mine?.original_size) === 10 && Number(mine?.size_matched) === 0
    && mine?.maker_address?.toLowerCase() === wallet.address.toLowerCase() && mine?.owner === creds.key;
  return { ok, count: open.length, first: mine };
});

await step("get_order", async () => {
  const o = await client.getOrder(posted[0]);
  return { ok: o?.id === posted[0] && o?.asset_id === tokenID, order: o };
});

await step("cancel_one", async () => {
  const r = await client.cancelOrder({ orderID: posted[0] });
  return { ok: JSON.stringify(r?.canceled) === JSON.stringify([posted[0]]) && Object.keys(r?.not_canceled ?? {}).length === 0, response: r };
});

await step("cancel_one_again_not_canceled", async () => {
  const r = await client.cancelOrder({ orderID: posted[0] });
  const reason = r?.not_canceled?.[posted[0]];
  return { ok: (r?.canceled ?? []).length === 0 && reason === "already canceled or matched", response: r };
});

await step("cancel_many", async () => {
  const r = await client.cancelOrders([posted[1]]);
  return { ok: JSON.stringify(r?.canceled) === JSON.stringify([posted[1]]), response: r };
});

await step("cancel_all", async () => {
  const r = await client.cancelAll();
  const got = [...(r?.canceled ?? [])].sort();
  return { ok: JSON.stringify(got) === JSON.stringify(posted.slice(2).sort()), response: r };
});

await step("cancel_market_orders", async () => {
  const r1 = await client.createAndPostOrder({ tokenID, price: 0.35, size: 5, side: Side.BUY }, undefined, OrderType.GTC, true);
  const r = await client.cancelMarketOrders({ asset_id: tokenID });
  return { ok: r1?.success === true && JSON.stringify(r?.canceled) === JSON.stringify([r1.orderID]), response: r };
});

await step("balance_allowance", async () => {
  const r = await client.getBalanceAllowance({ asset_type: AssetType.COLLATERAL });
  // All orders are cancelled, so the whole funded balance is free again (6-decimal base units as a string).
  const allowances = Object.values(r?.allowances ?? {});
  return { ok: /^[0-9]+$/.test(r?.balance ?? "") && BigInt(r.balance) > 0n && allowances.length > 0 && allowances.every(a => /^[0-9]+$/.test(a)), response: r };
});

await step("heartbeat", async () => {
  const first = await client.postHeartbeat("");
  const second = await client.postHeartbeat(first?.heartbeat_id);
  return { ok: typeof first?.heartbeat_id === "string" && first.heartbeat_id.length > 0 && typeof second?.heartbeat_id === "string", first, second };
});

// A second account takes the other side: BUY NO at 0.65 against our resting BUY YES at 0.35 mints a pair.
const otherKey = process.env.VENUE_PRIVATE_KEY_2;
if (otherKey) {
  await step("cross_mints_and_trade_resolves", async () => {
    const other = new ClobClient({ host, chain, signer: new Wallet(otherKey), throwOnError: true });
    const otherCreds = await other.createOrDeriveApiKey();
    const taker = new ClobClient({ host, chain, signer: new Wallet(otherKey), creds: otherCreds, throwOnError: true });
    const maker = await client.createAndPostOrder({ tokenID, price: 0.35, size: 5, side: Side.BUY }, undefined, OrderType.GTC, true);
    const book = await client.getOrderBook(tokenID);
    // The NO token: /markets-by-token names both.
    const noToken = (await client.get(`${host}/markets-by-token/${tokenID}`)).secondary_token_id;
    const t0 = Date.now();
    const r = await taker.createAndPostOrder({ tokenID: noToken, price: 0.65, size: 5, side: Side.BUY }, undefined, OrderType.GTC);
    const waitedMs = Date.now() - t0;
    const trades = await client.getTrades({ id: r?.tradeIDs?.[0] });
    const t = trades[0];
    const ok = maker?.success === true && r?.success === true && r.status === "matched" && r.tradeIDs?.length === 1
      && r.transactionsHashes?.length === 1 && /^0x[0-9a-f]{64}$/.test(r.transactionsHashes[0])
      && r.makingAmount === "3.25" && r.takingAmount === "5"
      && t?.trader_side === "MAKER" && t?.maker_orders?.[0]?.order_id === maker.orderID && Number(t?.maker_orders?.[0]?.matched_amount) === 5;
    return { ok, taker: r, trade: t, waitedMs, bookBids: book.bids };
  });
}

await step("open_orders_empty_after_cancels", async () => {
  const open = await client.getOpenOrders({ asset_id: tokenID });
  return { ok: open.length === 0, count: open.length };
});

// ---- refusals: each must come back with the reference's status and text, and change nothing ----

await step("tampered_signature_refused", async () => {
  const order = await client.createOrder({ tokenID, price: 0.3, size: 10, side: Side.BUY });
  // Flip one bit inside s: still valid hex of the right length, but it no longer recovers to the maker.
  const sig = order.signature;
  const i = 70;
  order.signature = sig.slice(0, i) + ((parseInt(sig[i], 16) ^ 1).toString(16)) + sig.slice(i + 1);
  const r = await refusal(() => client.postOrder(order, OrderType.GTC));
  return { ok: r.refused && r.status === 400 && r.error === "invalid signature", ...r };
});

await step("stale_l2_timestamp_refused", async () => {
  const order = await client.createOrder({ tokenID, price: 0.3, size: 10, side: Side.BUY });
  const realNow = Date.now;
  Date.now = () => realNow() - 10 * 60 * 1000; // the L2 headers are stamped ten minutes ago
  let r;
  try { r = await refusal(() => client.postOrder(order, OrderType.GTC)); } finally { Date.now = realNow; }
  return { ok: r.refused && r.status === 401 && r.error === "Unauthorized/Invalid api key", ...r };
});

await step("off_tick_price_refused", async () => {
  // The client rounds prices to the market's tick, so build with a finer tick to send 0.405 on a 0.01 market.
  const order = await client.orderBuilder.buildOrder({ tokenID, price: 0.405, size: 10, side: Side.BUY }, { tickSize: "0.001", negRisk: false }, 2);
  const r = await refusal(() => client.postOrder(order, OrderType.GTC));
  const text = /^order 0x[0-9a-f]{64} is invalid\. Price \(0\.405\) breaks minimum tick size rule: 0\.01$/;
  return { ok: r.refused && r.status === 400 && text.test(r.error ?? ""), ...r };
});

await step("below_min_size_refused", async () => {
  const order = await client.createOrder({ tokenID, price: 0.3, size: 1, side: Side.BUY });
  const r = await refusal(() => client.postOrder(order, OrderType.GTC));
  const text = /^order 0x[0-9a-f]{64} is invalid\. Size \(1\) lower than the minimum: 5$/;
  return { ok: r.refused && r.status === 400 && text.test(r.error ?? ""), ...r };
});

await step("refusals_left_no_orders", async () => {
  const open = await client.getOpenOrders({ asset_id: tokenID });
  const book = await client.getOrderBook(tokenID);
  return { ok: open.length === 0 && (book.bids ?? []).length === 0, openOrders: open.length, bids: (book.bids ?? []).length };
});

const failed = results.filter(r => !r.ok).length;
console.log(JSON.stringify({ step: "done", ok: failed === 0, passed: results.length - failed, failed }));
process.exit(failed === 0 ? 0 : 1);
