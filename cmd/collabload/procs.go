package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
)

// botProcess is the child process running the bots.
type botProcess struct {
	cmd        *exec.Cmd
	stdin      io.WriteCloser
	lines      *bufio.Scanner
	ready      usage
	readyAfter time.Duration // from start until every bot was connected
}

// botArgs are what the child needs to find the fake Slack and Redis.
type botArgs struct {
	n                        int
	api, redis, prefix, prof string
}

func (a botArgs) list() []string {
	return []string{"bots", "-n", fmt.Sprint(a.n), "-api", a.api, "-redis", a.redis, "-prefix", a.prefix, "-cpuprofile", a.prof}
}

// startBots starts this program as "collabload bots" and waits until its
// bots are connected; the child is killed if ctx ends first. Later, only
// stop ends it, so that figures are printed even after -timeout.
func startBots(ctx context.Context, a botArgs, stderr io.Writer) (*botProcess, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find own binary: %w", err)
	}
	p := &botProcess{cmd: exec.Command(exe, a.list()...)}
	p.cmd.Stderr = stderr
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		return nil, fmt.Errorf("bots' stdin: %w", err)
	}
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("bots' stdout: %w", err)
	}
	start := time.Now()
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start bots: %w", err)
	}
	p.lines = bufio.NewScanner(out)
	stopKill := context.AfterFunc(ctx, func() { _ = p.cmd.Process.Kill() })
	line, err := scanLine(p.lines)
	p.readyAfter = time.Since(start)
	if !stopKill() {
		err = errors.Join(err, ctx.Err())
	}
	if err == nil {
		p.ready, err = readUsage(line, "ready")
	}
	if err != nil {
		p.stdin.Close()
		return nil, errors.Join(fmt.Errorf("bots did not start: %w", err), p.cmd.Wait())
	}
	return p, nil
}

// stop closes the child's stdin, which stops its bots, and returns what
// they used since they were ready. A child that does not stop within
// grace is killed.
func (p *botProcess) stop(grace time.Duration) (usage, error) {
	p.stdin.Close()
	kill := time.AfterFunc(grace, func() { _ = p.cmd.Process.Kill() })
	defer kill.Stop()
	line, err := scanLine(p.lines)
	waitErr := p.cmd.Wait()
	if err != nil {
		return usage{}, errors.Join(fmt.Errorf("bots did not stop cleanly: %w", err), waitErr)
	}
	done, err := readUsage(line, "done")
	return done.sub(p.ready), errors.Join(err, waitErr)
}
