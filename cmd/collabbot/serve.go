package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/collabbot/collabbot/bot"
	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/metrics"
	"github.com/collabbot/collabbot/store"
)

// serve runs the bot until ctx ends, then closes what it opened in
// reverse order.
func serve(ctx context.Context, cfg config, log *slog.Logger) error {
	bot.TuneGC()
	m := metrics.New()
	st, closeStore, err := store.Open(ctx, cfg.RedisURL)
	if err != nil {
		return err
	}
	defer closeStore()
	st.WithRetention(time.Duration(cfg.Retention)).WithSchedulerLag(m.SchedulerLag)
	if st.Embedded() {
		log.Warn("REDIS_URL is empty: using an embedded in-process store; nothing outlives the process")
	}
	st.AddHook(m.RedisHook())
	m.WatchRedisCommands(st.Commands)
	m.WatchRedisRoundTrips(st.RoundTrips)
	m.CountStates(st, readyWithin)
	api := bot.NewSlackClientVia(cfg.BotToken, cfg.AppToken, cfg.APIURL, m.Transport(bot.NewSlackTransport()))
	b, err := bot.New(api, st, bot.Config{Lang: cfg.Lang, DefaultTZ: cfg.loc, Holidays: cfg.Holidays, SprintDays: cfg.SprintDays, Log: log, Metrics: m, Retention: time.Duration(cfg.Retention),
		Policy: flows.Policy{NudgeAfter: time.Duration(cfg.NudgeAfter), ExpireAfter: time.Duration(cfg.ExpireAfter)}})
	if err != nil {
		return err
	}
	m.WatchSocket(b.Connected)
	if cfg.HTTPAddr != "" {
		stopHTTP, err := serveHTTP(cfg.HTTPAddr, endpoints(st, b, m), log)
		if err != nil {
			return err
		}
		defer stopHTTP()
	}
	log.Info("collabbot starting", "api", cfg.APIURL, "lang", cfg.Lang, "tz", cfg.TZ, "version", buildVersion())
	if err := b.Run(ctx); err != nil {
		return err
	}
	log.Info("collabbot stopped")
	return nil
}

// readyWithin bounds /readyz, so a probe with a one-second timeout gets an
// answer, not a timeout, when Redis hangs.
const readyWithin = 800 * time.Millisecond

// endpoints serves /healthz (the process is alive), /readyz (Redis answers
// and the Slack socket is connected), /metrics and /debug/pprof for
// profiling.
func endpoints(st *store.Store, b *bot.Bot, m *metrics.Metrics) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), readyWithin)
		defer cancel()
		if err := st.Ping(ctx); err != nil {
			http.Error(w, "redis: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		if !b.Connected() {
			http.Error(w, "slack: socket not connected", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("GET /metrics", m.Handler())
	return mux
}

func serveHTTP(addr string, h http.Handler, log *slog.Logger) (func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on HTTP_ADDR %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server", "err", err)
		}
	}()
	log.Info("health endpoints listening", "addr", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}
