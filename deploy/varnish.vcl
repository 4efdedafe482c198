# Bloc local's front cache: anonymous pages, kept as the portal's own page cache keeps them and
# dropped by scope when they change (core/front_cache.py). Behind nginx (TLS), in front of the
# gunicorn app servers. Run with two listening addresses, the second one for the portal's bans
# and purges only (PORTAL_FRONT_CACHE_URLS), never proxied by nginx:
#   varnishd -f /etc/varnish/bloc-local.vcl -a public=127.0.0.1:6081 -a purge=127.0.0.1:6082 \
#            -s malloc,512m
# The app servers below: one `backend` per gunicorn, all added to the director in vcl_init.
vcl 4.1;

import directors;
import std;

# Whether the app server answers at all (not whether the database does: while it is down the
# portal answers its own French 503 page, portal/errors.py).
probe alive {
    .request = "GET /sante/?vivant HTTP/1.1"
               "Host: localhost"
               "Connection: close";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = alive;
    .first_byte_timeout = 35s;  # gunicorn's timeout is 30 s (deploy/gunicorn.conf.py)
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8002";
    .probe = alive;
    .first_byte_timeout = 35s;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "BAN" || req.method == "PURGE") {
        if (local.socket != "purge") {
            return (synth(405, "Method Not Allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);  # Wagtail's, for a published or unpublished page's address
        }
        if (req.http.X-Ban-Scopes !~ "^[a-z0-9:_ -]+$") {
            return (synth(400, "Bad Request"));
        }
        if (std.ban({"obj.http.X-Cache-Scopes ~ "(^|[[:space:]])("} +
                    regsuball(req.http.X-Ban-Scopes, " +", "|") + {")([[:space:]]|$)""})) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }
    if (local.socket == "purge") {
        return (synth(405, "Method Not Allowed"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Logged-in members and visitors with a message to read: always the app servers.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=" || req.http.Authorization) {
        return (pass);
    }
    # Anyone else is anonymous: no cookie reaches the page (a form sets its own CSRF cookie, and
    # a response that sets one is never kept).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    # Kept only what the portal says it may keep: an anonymous page built from known scopes
    # (portal/page_cache.py), never one that sets a cookie. 600 s: PORTAL_PAGE_CACHE_SECONDS.
    if (beresp.status == 200 && beresp.http.X-Cache-Scopes && !beresp.http.Set-Cookie) {
        set beresp.ttl = 600s;
        set beresp.grace = 60s;
        unset beresp.http.Cache-Control;
        return (deliver);
    }
    set beresp.uncacheable = true;
    set beresp.ttl = 60s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Cache-Scopes;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Front-Cache = "hit";
    } else {
        set resp.http.X-Front-Cache = "miss";
    }
}

# No app server answers at all: a French page, never Varnish's own.
sub vcl_backend_error {
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    synthetic({"<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Service momentanément indisponible – Bloc local</title></head>
<body><main><h1>Le portail revient dans un instant</h1>
<p>Le portail est momentanément indisponible. Merci de réessayer dans une minute.</p></main></body></html>
"});
    return (deliver);
}
