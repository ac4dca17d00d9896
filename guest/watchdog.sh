#!/bin/sh
# fusefs-gate guest-side watchdog (docs/guest-protocol.md, "Watchdog").
#
#   sh watchdog.sh NONCE ID TIMEOUT_S GAP_S -- CMD [ARGS...]
#
# TIMEOUT_S: seconds, a whole number or one with up to three decimals (2.5, 0.25);
# GAP_S: whole seconds.
#
# Runs CMD in the background (its output goes to the console) and prints
#   @@fg:NONCE:test:ID:start@@
#   @@fg:NONCE:test:ID:exit:STATUS:ELAPSED_MS@@            CMD ended in time
# or, at the deadline,
#   @@fg:NONCE:test:ID:deadline:ELAPSED_MS@@
#   @@fg:NONCE:sample:1:begin@@ ... @@fg:NONCE:sample:1:end@@
#   (GAP_S seconds, less if CMD exits)
#   @@fg:NONCE:sample:2:begin@@ ... @@fg:NONCE:sample:2:end@@
#   @@fg:NONCE:test:ID:late-exit:STATUS:ELAPSED_MS@@       or
#   @@fg:NONCE:test:ID:stuck:ELAPSED_MS@@
# Exit status: CMD's status (exit, late-exit), 124 (stuck), 64 (bad usage).
#
# Portable POSIX sh: busybox ash (Linux test guest) and FreeBSD /bin/sh.
# Waits are event driven: `wait` on CMD, interrupted by a trapped SIGUSR1 that
# a timer subshell sends when its `sleep` ends.  The capture never touches
# the FUSE mount and never waits for a stuck process.

usage() {
	echo "usage: watchdog.sh NONCE ID TIMEOUT_S GAP_S -- CMD [ARGS...]" >&2
	exit 64
}

[ $# -ge 6 ] || usage
NONCE=$1 ID=$2 TIMEOUT_S=$3 GAP_S=$4
shift 4
[ "$1" = "--" ] || usage
shift
case $NONCE in '' | *[!a-z0-9]*) echo "watchdog.sh: bad NONCE '$NONCE'" >&2; exit 64 ;; esac
case $ID in '' | *[!A-Za-z0-9._-]*) echo "watchdog.sh: bad ID '$ID'" >&2; exit 64 ;; esac
# TIMEOUT_S is seconds with up to three decimals (the host's inputs accept the same); it only
# reaches sleep(1), which takes fractions (busybox coreutils/sleep.c with FLOAT_DURATION, as the
# gap below relies on; FreeBSD bin/sleep/sleep.c): no shell arithmetic on it.
case $TIMEOUT_S in
'' | *[!0-9.]* | .* | *. | *.*.* | *.????*) echo "watchdog.sh: bad TIMEOUT_S '$TIMEOUT_S'" >&2; exit 64 ;;
esac
case $GAP_S in '' | *[!0-9]*) echo "watchdog.sh: bad GAP_S '$GAP_S'" >&2; exit 64 ;; esac

OS=$(uname -s)

# now_ms: sets _now to a millisecond clock, without forking on Linux.
now_ms() {
	if [ -r /proc/uptime ]; then
		# Linux fs/proc/uptime.c: "%lu.%02lu %lu.%02lu\n" (seconds, centiseconds)
		read -r _up _idle < /proc/uptime
		_s=${_up%.*}
		_c=${_up#*.}
		_c=${_c#0}
		_now=$((_s * 1000 + _c * 10))
	else
		_t=$(date +%s%N 2>/dev/null)
		case $_t in
		'' | *[!0-9]*) _now=$(($(date +%s) * 1000)) ;;
		*) _now=${_t%??????} ;;
		esac
	fi
}

fired=0
timer=
# shellcheck disable=SC2317 # reached through the USR1 trap below
on_usr1() { fired=1; }
trap on_usr1 USR1

# start_timer SECONDS: SIGUSR1 to this shell after SECONDS.
# ($$ is this shell's pid also inside the subshell.)
start_timer() {
	fired=0
	(
		_sp=
		trap 'if [ -n "$_sp" ]; then kill "$_sp" 2>/dev/null; fi; exit 0' TERM
		sleep "$1" &
		_sp=$!
		wait "$_sp" && kill -USR1 $$ 2>/dev/null
	) &
	timer=$!
}

stop_timer() {
	if [ -n "$timer" ]; then
		kill "$timer" 2>/dev/null
		wait "$timer" 2>/dev/null
		timer=
	fi
}

# wait_cmd: wait for CMD or the timer.  Sets done=1 and st when CMD ended.
wait_cmd() {
	done=0
	wait "$cmd"
	st=$?
	if [ "$fired" = 1 ] && kill -0 "$cmd" 2>/dev/null; then
		return # the timer went off; CMD still there (maybe a zombie)
	fi
	done=1
	stop_timer
}

# process_table: sets _all to a "pid:ppid" word for every process.
process_table() {
	if [ "$OS" = FreeBSD ]; then
		_all=$(ps -axo pid=,ppid= 2>/dev/null | while read -r _a _b; do printf '%s:%s ' "$_a" "$_b"; done)
		return
	fi
	_all=
	for _d in /proc/[0-9]*; do
		{ read -r _l < "$_d/stat"; } 2>/dev/null || continue
		# fs/proc/array.c do_task_stat: "pid (comm) state ppid ..."; comm
		# may hold spaces and ')', so cut at the last ") ".
		# shellcheck disable=SC2086 # split the stat fields into $1 $2 ... on purpose
		set -- ${_l##*) }
		_all="$_all ${_d#/proc/}:$2"
	done
}

# tree_of PID: sets _tree to " PID desc1 desc2 ... " from "pid:ppid" words in $_all.
tree_of() {
	_tree=" $1 "
	_changed=1
	while [ "$_changed" = 1 ]; do
		_changed=0
		for _e in $_all; do
			_p=${_e%%:*}
			_pp=${_e#*:}
			case $_tree in *" $_p "*) continue ;; esac
			case $_tree in *" $_pp "*) _tree="$_tree$_p " _changed=1 ;; esac
		done
	done
}

# Linux: /proc only, never the mount, never /proc/PID/cmdline (it takes the
# target's mmap_lock, which a task stuck in a page fault may hold).
capture_linux() {
	process_table
	tree_of "$cmd"
	for _d in /proc/[0-9]*; do
		_p=${_d#/proc/}
		for _td in "$_d"/task/[0-9]*; do
			_t=${_td##*/}
			{ read -r _l < "$_td/stat"; } 2>/dev/null || continue
			# shellcheck disable=SC2086 # split the stat fields on purpose
			set -- ${_l##*) }
			_state=$1
			# fields 14 and 15 (utime, stime) are $12 and $13 here
			_ticks=$((${12} + ${13}))
			case $_tree in
			*" $_p "*) ;;
			*) [ "$_state" = D ] || continue ;;
			esac
			# Progress also counts finished read/write system calls (fs/proc/base.c
			# do_io_accounting: "syscr: N", "syscw: N"): a task waiting on a slow
			# server sits at the same frames but finishes calls between samples.
			while read -r _k _v; do
				case $_k in syscr: | syscw:) _ticks=$((_ticks + _v)) ;; esac
			done < "$_td/io" 2>/dev/null
			_w=
			{ read -r _w < "$_td/wchan"; } 2>/dev/null
			_comm=
			{ read -r _comm < "$_td/comm"; } 2>/dev/null
			printf '@@fg:%s:task:%s:%s:%s:%s:%s:%s@@\n' "$NONCE" "$_p" "$_t" \
				"$_state" "$_ticks" "${_w:-0}" "$_comm"
			cat "$_td/stack" 2>/dev/null
		done
	done
}

# FreeBSD: procstat -kk (usr.bin/procstat/procstat_kstack.c: header
# "PID TID COMM TDNAME KSTACK", one thread a line, frames "func+0xoff"
# separated by spaces) for CMD's tree and every thread with fuse/vm/vfs
# frames; then ps -axlww for wait channels; then, a line a thread (-H), each
# thread's voluntary and involuntary context switches and CPU time
# (bin/ps/keyword.c lwp, nvcsw, nivcsw, time; sys/kern/kern_proc.c
# fill_kinfo_thread fills them from the thread; sys/kern/kern_synch.c
# mi_switch counts SW_VOL switches in ru_nvcsw), FreeBSD's progress counter: a
# thread that waits on a slow server sleeps and wakes (a voluntary switch) for
# every request, one asleep for good neither switches nor runs.
capture_freebsd() {
	process_table
	tree_of "$cmd"
	printf '@@fg:%s:capture:procstat-kk:begin@@\n' "$NONCE"
	# shellcheck disable=SC2086
	procstat -kk $_tree 2>/dev/null
	procstat -h -kk -a 2>/dev/null | awk -v skip="$_tree" '
		BEGIN { n = split(skip, a, " "); for (i = 1; i <= n; i++) s[a[i]] = 1 }
		!($1 in s) && / (fuse_|vm_|vfs_|vn_|v_inval|VOP_|vnode_)/ { print }'
	printf '@@fg:%s:capture:procstat-kk:end@@\n' "$NONCE"
	printf '@@fg:%s:capture:ps-axlww:begin@@\n' "$NONCE"
	ps -axlww 2>/dev/null
	printf '@@fg:%s:capture:ps-axlww:end@@\n' "$NONCE"
	printf '@@fg:%s:capture:ps-threads:begin@@\n' "$NONCE"
	ps -axH -o pid,lwp,nvcsw,nivcsw,time 2>/dev/null
	printf '@@fg:%s:capture:ps-threads:end@@\n' "$NONCE"
}

sample() {
	printf '@@fg:%s:sample:%s:begin@@\n' "$NONCE" "$1"
	if [ "$OS" = FreeBSD ]; then
		capture_freebsd
	else
		capture_linux
	fi
	# The test's own process tree at this sample: only its threads decide hang or progress
	# (an unrelated kernel thread ending between the samples is not the test moving).
	# shellcheck disable=SC2086 # one word a pid on purpose
	printf '@@fg:%s:tree:%s@@\n' "$NONCE" "$(echo $_tree | tr ' ' ',')"
	printf '@@fg:%s:sample:%s:end@@\n' "$NONCE" "$1"
}

printf '@@fg:%s:test:%s:start@@\n' "$NONCE" "$ID"
now_ms
t0=$_now
"$@" &
cmd=$!
start_timer "$TIMEOUT_S"
wait_cmd
now_ms
el=$((_now - t0))
if [ "$done" = 1 ]; then
	printf '@@fg:%s:test:%s:exit:%s:%s@@\n' "$NONCE" "$ID" "$st" "$el"
	exit "$st"
fi

printf '@@fg:%s:test:%s:deadline:%s@@\n' "$NONCE" "$ID" "$el"
# The gap runs from the start of sample 1, so the samples start GAP_S apart however long one takes
# (at least 0.1 s apart; with a whole-second clock, as FreeBSD's date(1) may give, the full gap).
now_ms
s1=$_now
sample 1
now_ms
rest=$((GAP_S * 1000 - (_now - s1)))
[ "$rest" -ge 100 ] || rest=100
start_timer "$((rest / 1000)).$(printf '%03d' $((rest % 1000)))"
wait_cmd
now_ms
el=$((_now - t0))
stop_timer
sample 2
if [ "$done" = 1 ]; then
	printf '@@fg:%s:test:%s:late-exit:%s:%s@@\n' "$NONCE" "$ID" "$st" "$el"
	exit "$st"
fi
# Hung: kill once (a task in an uninterruptible sleep stays) and move on; sample 2 just walked
# CMD's process tree into $_tree.
# shellcheck disable=SC2086
kill -KILL $_tree 2>/dev/null
now_ms
printf '@@fg:%s:test:%s:stuck:%s@@\n' "$NONCE" "$ID" $((_now - t0))
exit 124
