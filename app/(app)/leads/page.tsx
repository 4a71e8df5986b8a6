import { placeholderPage } from '@/components/ui/placeholder-page';

const page = placeholderPage('leads');
export const generateMetadata = page.generateMetadata;
export default page.Page;
