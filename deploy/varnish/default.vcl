# Varnish in front of Red Cell (docker-compose.yml runs it; README, "Varnish and CDNs").
#
# It keeps what the site marks "public" for as long as s-maxage says, tagged with the surrogate
# keys of the xkey header, and drops pages by key when the site sends "PURGE /" with an
# xkey-purge header (pagecache/purgers.py). Staff (a session cookie), the admin and anything but
# GET and HEAD pass straight through; every other request loses its cookies, so a reader's
# cookies never split the cache or reach a page that everyone shares.
#
# Stale pages: within stale-while-revalidate they are served while Varnish fetches a fresh copy
# in the background; while the site answers errors or nothing, for up to stale-if-error.
# X-Cache tells HIT, MISS (fetched and kept) or PASS (not kept).
#
# Needs Varnish 7 with the xkey vmod: Debian's varnish + varnish-modules, or the official
# "varnish" image (7.1 and later include varnish-modules).

vcl 4.1;

import std;
import xkey;

# gunicorn, as docker-compose.yml names it. Tests rewrite the .host and .port lines.
backend web {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

# Who may purge: the site's own processes, on this machine or the private network.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
    "fc00::"/7;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        # A purge relayed by a proxy (X-Forwarded-For holds more than the sender) came from
        # outside, whatever address the proxy has.
        if (client.ip !~ purgers || req.http.X-Forwarded-For ~ ",") {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Send the keys to purge in xkey-purge"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    unset req.http.X-Cache;
    if (req.restarts == 0) {
        unset req.http.X-Redcell-Refetch;
        unset req.http.X-Redcell-Stale-If-Error;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|\?|$)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;)\s*sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    # Campaign tags change nothing on a page; without them a spike of shared links is one page.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=") {
        set req.url = regsuball(req.url,
            "(?<=[?&])(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*(&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    if (req.http.X-Redcell-Stale-If-Error) {
        # The fresh copy failed: any stale one will do (the object's grace, set below, is the
        # limit; req.grace outlives a restart).
        set req.grace = 3650d;
    } elif (req.http.X-Redcell-Refetch) {
        # The stale copy is past stale-while-revalidate: wait for a fresh one.
        set req.grace = 0s;
    }
}

sub vcl_hash {
    # An http:// request must get the redirect to https://, never the https:// page.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_hit {
    if (obj.ttl >= 0s) {
        set req.http.X-Cache = "HIT";
        return (deliver);
    }
    # Stale. Within stale-while-revalidate, or while the site answers errors (stale-if-error),
    # serve it (Varnish refreshes it in the background); past that, fetch it afresh.
    if (obj.ttl + std.duration(obj.http.X-Redcell-SWR, 0s) > 0s
        || req.http.X-Redcell-Stale-If-Error) {
        set req.http.X-Cache = "HIT";
        return (deliver);
    }
    set req.http.X-Redcell-Refetch = "1";
    return (restart);
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Redcell-Refetch;
    unset bereq.http.X-Redcell-Stale-If-Error;
    unset bereq.http.X-Cache;
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.status >= 500
        && (bereq.is_bgfetch || bereq.http.If-None-Match || bereq.http.If-Modified-Since)) {
        # A stale copy is at hand (Varnish asks conditionally only then): keep it rather than
        # replace it with an error.
        return (abandon);
    }
    # Only what the site marks public, for everyone, with no cookie: never a private or
    # personal answer, and nothing the site did not mean to share (404s, redirects, /healthz).
    if (beresp.http.Cache-Control !~ "(?i)(^|,)\s*public\s*(,|$)"
        || beresp.http.Cache-Control ~ "(?i)private|no-store|no-cache"
        || beresp.http.Set-Cookie
        || beresp.http.Vary ~ "(?i)cookie|\*") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Varnish took the lifetime from s-maxage and the grace from stale-while-revalidate.
    # Remember the latter, and keep the copy for stale-if-error too, for when the site fails.
    set beresp.http.X-Redcell-SWR = "" + beresp.grace + "s";
    if (beresp.http.Cache-Control ~ "(?i)stale-if-error=\d+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "(?i)^.*stale-if-error=(\d+).*$", "\1s"), beresp.grace);
        if (beresp.grace < std.duration(beresp.http.X-Redcell-SWR, 0s)) {
            set beresp.grace = std.duration(beresp.http.X-Redcell-SWR, 0s);
        }
    }
}

sub vcl_backend_error {
    # The site did not answer. With a stale copy at hand, keep it (see vcl_synth); else a short
    # page rather than Varnish's own.
    if (bereq.is_bgfetch || bereq.http.If-None-Match || bereq.http.If-Modified-Since) {
        return (abandon);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    set beresp.body = {"<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Back soon</title>
<h1>Back soon</h1><p>The site is not answering just now. Please try again in a minute.</p></html>
"};
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set req.http.X-Cache = "PASS";
    }
    set resp.http.X-Cache = req.http.X-Cache;
    unset resp.http.xkey;
    unset resp.http.X-Redcell-SWR;
}

sub vcl_synth {
    # The fresh copy failed (abandoned above): serve the stale one after all.
    if (resp.status == 503 && req.http.X-Redcell-Refetch && !req.http.X-Redcell-Stale-If-Error) {
        set req.http.X-Redcell-Stale-If-Error = "1";
        return (restart);
    }
}
