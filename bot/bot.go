// Package bot is collabbot's Slack side: it receives Socket Mode envelopes,
// turns them into flow events, and carries out the effects the flow decides.
package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// Store keeps collaborations; *store.Store implements it.
type Store interface {
	Create(ctx context.Context, c *flows.Collab) error
	Get(ctx context.Context, id string) (flows.Collab, error)
	Apply(ctx context.Context, c *flows.Collab, eventKey string) error
	IndexThread(ctx context.Context, channel, threadTS, id string) error
	ThreadCollab(ctx context.Context, channel, threadTS string) (string, error)
	Unfinished(ctx context.Context, fn func(flows.Collab) error) error
}

// Config holds the bot's settings besides its clients.
type Config struct {
	Lang      string         // "auto", "en" or "zh"
	DefaultTZ *time.Location // for writers whose Slack profile has no zone
	Log       *slog.Logger
	// EventTimeout bounds the work on one event, Slack calls included.
	EventTimeout time.Duration
	// StoreRetry is how long an event waits for Redis to come back before
	// the user is told to try again.
	StoreRetry time.Duration
	// MembersTTL is how long user groups' members are taken as known;
	// default one minute (usergroups.users.list is a low-rate method).
	MembersTTL time.Duration
	// PingInterval overrides the Socket Mode client's ping timeout (tests).
	PingInterval time.Duration
}

// Bot is one running collabbot instance.
type Bot struct {
	api       *slack.Client
	store     Store
	cfg       Config
	log       *slog.Logger
	self      string // the bot's user id, from auth.test
	work      *serial
	msgs      *render.Renderer
	users     *userCache
	groups    *groupCache
	stopping  atomic.Bool // set once Run stops taking events
	collabs   *collabCache
	connected atomic.Bool
}

// New returns a bot that talks to Slack through api and keeps state in st.
func New(api *slack.Client, st Store, cfg Config) (*Bot, error) {
	msgs, err := render.New()
	if err != nil {
		return nil, fmt.Errorf("load message catalogs: %w", err)
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.DefaultTZ == nil {
		cfg.DefaultTZ = time.UTC
	}
	if cfg.EventTimeout == 0 {
		cfg.EventTimeout = 2 * time.Minute
	}
	if cfg.MembersTTL == 0 {
		cfg.MembersTTL = time.Minute
	}
	if cfg.StoreRetry == 0 {
		cfg.StoreRetry = 20 * time.Second
	}
	return &Bot{
		api: api, store: st, cfg: cfg, log: cfg.Log, msgs: msgs,
		work:    newSerial(),
		users:   newUserCache(time.Hour, cfg.Log),
		groups:  newGroupCache(cfg.MembersTTL),
		collabs: newCollabCache(10000),
	}, nil
}

// Connected reports whether the Socket Mode connection is up.
func (b *Bot) Connected() bool { return b.connected.Load() }

// Run connects to Slack and handles events until ctx is done. Then it stops
// taking events, finishes the ones in flight and returns nil.
func (b *Bot) Run(ctx context.Context) error {
	auth, err := b.api.AuthTestContext(ctx)
	if err != nil {
		return fmt.Errorf("auth.test%s: %w", tokenHint(err, "SLACK_BOT_TOKEN"), err)
	}
	b.self = auth.UserID
	b.log.Info("authenticated", "bot_user", b.self, "team", auth.TeamID)
	b.resume(ctx)

	opts := []socketmode.Option{}
	if b.cfg.PingInterval > 0 {
		opts = append(opts, socketmode.OptionPingInterval(b.cfg.PingInterval))
	}
	sock := socketmode.New(b.api, opts...)
	sockCtx, stopSock := context.WithCancel(context.WithoutCancel(ctx))
	defer stopSock()
	sockErr := make(chan error, 1)
	go func() { sockErr <- sock.RunContext(sockCtx) }()

	err = b.receive(ctx, sock, sockErr)
	b.stopping.Store(true)
	b.drain(sock)
	// Acks queued by the last events are written by the socket goroutine.
	time.Sleep(50 * time.Millisecond)
	stopSock()
	b.connected.Store(false)
	return err
}

// receive reads Socket Mode events until ctx ends or the socket fails.
func (b *Bot) receive(ctx context.Context, sock *socketmode.Client, sockErr <-chan error) error {
	for {
		select {
		case <-ctx.Done():
			b.log.Info("stopping: no new events taken, finishing those in flight")
			return nil
		case err := <-sockErr:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("socket mode%s: %w", tokenHint(err, "SLACK_APP_TOKEN"), err)
		case ev := <-sock.Events:
			b.route(ctx, sock, ev)
		}
	}
}

// drain waits for the events in flight while it keeps reading the socket,
// so its reader never blocks; envelopes arriving now are left un-acked for
// Slack to redeliver to the next instance.
func (b *Bot) drain(sock *socketmode.Client) {
	done := make(chan struct{})
	go func() { b.work.Wait(); close(done) }()
	for {
		select {
		case <-done:
			return
		case ev := <-sock.Events:
			if ev.Request != nil && ev.Request.EnvelopeID != "" {
				b.log.Info("stopping: envelope left for redelivery", "type", ev.Type)
			}
		}
	}
}

// resume picks up what a previous process left: effects it decided but
// did not carry out (it was killed, or Slack failed), and replies it acked
// but never recorded.
func (b *Bot) resume(ctx context.Context) {
	err := b.store.Unfinished(ctx, func(c flows.Collab) error {
		b.work.Do(collabKey(c.ID), func() {
			ectx, cancel := b.eventContext(ctx)
			defer cancel()
			if len(c.Outbox) > 0 {
				b.log.Info("resuming unfinished effects", "collab", c.ID, "effects", len(c.Outbox))
				if err := b.flush(ectx, &c); err != nil {
					b.log.Error("resume", "collab", c.ID, "err", err)
					b.retryLater(c.ID, 0)
				}
			}
			if !c.State.Final() && c.RootTS != "" {
				if err := b.catchUp(ectx, c); err != nil {
					b.log.Error("catch up", "collab", c.ID, "err", err)
				}
			}
		})
		return nil
	})
	if err != nil {
		b.log.Error("list unfinished collabs", "err", err)
	}
}

// eventContext bounds one event's work; it outlives a shutdown signal so
// events in flight are finished, not cut off.
func (b *Bot) eventContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), b.cfg.EventTimeout)
}

func collabKey(id string) string { return "collab:" + id }

// tokenHint names the variable to check when Slack refused a token.
func tokenHint(err error, variable string) string {
	for _, code := range []string{"invalid_auth", "not_authed", "token_revoked", "account_inactive", "not_allowed_token_type"} {
		if strings.Contains(err.Error(), code) {
			return " (Slack refused " + variable + ")"
		}
	}
	return ""
}
