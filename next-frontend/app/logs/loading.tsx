import { PageSkeleton } from '@/app/ui/common/page-skeleton';

export default function Loading() {
  return <PageSkeleton />;
}
