// How far a running import or export is, from the main side's 'job-progress' events for the job the dialog started.
import { useEffect, useState } from 'react'
import type { JobProgress } from '../../src-main/shared/api'
import { useApi } from '../state/store'

/** The latest progress of the job with this id; null before its first event or without a job. */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const api = useApi()
  const [progress, setProgress] = useState<JobProgress | null>(null)
  useEffect(() => {
    setProgress(null)
    if (jobId === null) return
    return api.onEvent('job-progress', (event) => {
      if (event.jobId === jobId) setProgress(event)
    })
  }, [api, jobId])
  return progress
}

/** A progress bar with the same words beside it, for people who cannot see the bar. */
export function ProgressLine({ label, fraction, text }: { label: string; fraction: number; text: string }) {
  return (
    <div className="job-progress">
      <progress max={1} value={fraction} aria-label={label} aria-valuetext={text} />
      <span role="status">{text}</span>
    </div>
  )
}
