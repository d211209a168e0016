package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// snapshot is the fake Slack at one moment.
type snapshot struct {
	at    time.Time
	calls int           // Web API calls logged so far
	cpu   time.Duration // used by this process (the fake Slack and the load) so far
}

func take(srv *slacktest.Server) snapshot {
	return snapshot{at: time.Now(), calls: len(srv.Calls()), cpu: selfCPU()}
}

// selfCPU is the CPU time this process has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru) // cannot fail for RUSAGE_SELF
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// report is every figure the load prints.
type report struct {
	planned, completed          int
	wall                        time.Duration
	events                      map[string]int // by kind: slash commands, replies, clicks
	prompt, pin, ack            []time.Duration
	acksMissing, envelopesAcked int
	calls                       map[string]int // by Web API method
	callsTotal, callsFailed     int
	replicas                    int
	bots                        usage         // the bots' process, from connected to stopped
	tool                        time.Duration // CPU of the fake Slack and the load, which share the machine
	footprint                   footprint
	errs                        []error
}

func summarize(srv *slacktest.Server, plan []collab, results []result, before, after snapshot) report {
	r := report{
		planned: len(plan), events: map[string]int{}, calls: map[string]int{}, tool: after.cpu - before.cpu,
	}
	pinned := map[string]time.Time{} // channel -> when the fake Slack answered pins.add
	for _, c := range srv.Calls()[before.calls:] {
		r.callsTotal++
		r.calls[c.Method]++
		if !c.OK {
			r.callsFailed++
		}
		if ch := c.Params["channel"]; c.Method == "pins.add" && c.OK && pinned[ch].IsZero() {
			pinned[ch] = c.Time
		}
	}
	acks := map[string]time.Time{}
	for _, a := range srv.Acks() {
		if _, dup := acks[a.EnvelopeID]; !dup {
			acks[a.EnvelopeID] = a.Time
		}
	}
	r.envelopesAcked = len(acks)
	for i, res := range results {
		for _, s := range res.sent {
			r.events[s.kind]++
			if t, ok := acks[s.id]; ok {
				r.ack = append(r.ack, t.Sub(s.at))
			} else {
				r.acksMissing++
			}
		}
		r.prompt = append(r.prompt, res.prompts...)
		if res.err != nil {
			r.errs = append(r.errs, res.err)
			continue
		}
		r.completed++
		if t, ok := pinned[plan[i].channel]; ok {
			r.pin = append(r.pin, t.Sub(res.lastClick))
		}
	}
	for _, d := range [][]time.Duration{r.prompt, r.pin, r.ack} {
		slices.Sort(d)
	}
	return r
}

func (r report) handled() int { return r.events[kindSlash] + r.events[kindReply] + r.events[kindClick] }

func (r report) print(w io.Writer) error {
	n := float64(max(r.handled(), 1))
	envs := float64(max(r.envelopesAcked, 1))
	lines := []string{
		fmt.Sprintf("collaborations completed: %d/%d", r.completed, r.planned),
		fmt.Sprintf("bots: %d, in one process of their own", r.replicas),
		fmt.Sprintf("wall time: %s", r.wall.Round(time.Millisecond)),
		fmt.Sprintf("handled events: %d (slash commands %d, replies %d, clicks %d)", r.handled(), r.events[kindSlash], r.events[kindReply], r.events[kindClick]),
		fmt.Sprintf("events/s: %.1f", float64(r.handled())/r.wall.Seconds()),
		fmt.Sprintf("envelopes acked, echoes of the bot's posts included: %d", r.envelopesAcked),
		fmt.Sprintf("envelopes/s: %.1f", float64(r.envelopesAcked)/r.wall.Seconds()),
		fmt.Sprintf("reply->next prompt latency (n=%d): p50=%s p95=%s p99=%s max=%s", len(r.prompt),
			ms(percentile(r.prompt, 50)), ms(percentile(r.prompt, 95)), ms(percentile(r.prompt, 99)), ms(percentile(r.prompt, 100))),
		fmt.Sprintf("last accept->pin latency (n=%d): p50=%s p95=%s max=%s", len(r.pin),
			ms(percentile(r.pin, 50)), ms(percentile(r.pin, 95)), ms(percentile(r.pin, 100))),
		fmt.Sprintf("ack latency (n=%d, unacked %d): p50=%s p99=%s", len(r.ack), r.acksMissing, ms(percentile(r.ack, 50)), ms(percentile(r.ack, 99))),
		fmt.Sprintf("bot cpu per envelope: %.0fµs (%s in all)", float64(r.bots.cpu.Microseconds())/envs, r.bots.cpu.Round(time.Millisecond)),
		fmt.Sprintf("load tool cpu (fake Slack and players, on the same cores): %s, %.0f%% of one core", r.tool.Round(time.Millisecond), 100*r.tool.Seconds()/r.wall.Seconds()),
		fmt.Sprintf("redis round trips per event: %.2f (%d in all, %d commands)", float64(r.bots.roundTrips)/n, r.bots.roundTrips, r.bots.commands),
		r.replyTrips(),
		fmt.Sprintf("slack api calls per event: %.2f (%d total, %d failed)", float64(r.callsTotal)/n, r.callsTotal, r.callsFailed),
	}
	methods := make([]string, 0, len(r.calls))
	for m := range r.calls {
		methods = append(methods, m)
	}
	slices.Sort(methods)
	for _, m := range methods {
		lines = append(lines, fmt.Sprintf("slack api calls per event, %s: %.2f (%d)", m, float64(r.calls[m])/n, r.calls[m]))
	}
	lines = append(lines,
		fmt.Sprintf("bot allocations per envelope: %.1f KiB, %.0f objects", float64(r.bots.alloc)/1024/envs, float64(r.bots.mallocs)/envs),
		fmt.Sprintf("bot go heap in use after GC, once stopped: %.1f MiB", float64(r.bots.heapInuse)/(1<<20)),
	)
	if r.footprint.stored > 0 {
		lines = append(lines, r.footprint.lines()...)
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
	return err
}

// replyTrips is the line of Redis round trips per reply: those sent
// handling replies, and the replies' share (by their number among the
// events) of those sent for no one event, such as intake writes and reads.
func (r report) replyTrips() string {
	replies := float64(max(r.events[kindReply], 1))
	own := float64(r.bots.replyTrips) / replies
	share := float64(r.bots.sharedTrips) / float64(max(r.handled(), 1))
	return fmt.Sprintf("redis round trips per reply: %.2f (%.2f handling it + %.2f its share of the %d for no one event: intake, leases, timers)",
		own+share, own, share, r.bots.sharedTrips)
}

// failure is nil when every collaboration reached its pinned agreement.
func (r report) failure() error {
	if len(r.errs) == 0 {
		return nil
	}
	first := r.errs[:min(len(r.errs), 3)]
	return fmt.Errorf("%d of %d collaborations did not reach a pinned agreement; first failures:\n%w",
		r.planned-r.completed, r.planned, errors.Join(first...))
}

// percentile is the nearest-rank p-th percentile (0 < p <= 100) of sorted
// values: the smallest value at least p% of them are at or below; 0 for
// none.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }
